package dev.muster.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.profile.LogSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogFileTest {
    @TempDir
    Path dir;

    @Test
    void createsTheLogDirectoryWhenItIsMissing() throws Exception {
        Path file = dir.resolve("missing/deeper/app.log");
        try (RotatingLogFile log = new RotatingLogFile(new LogSpec(file, 1024, 3))) {
            log.write("hello");
        }
        assertThat(Files.readString(file)).isEqualTo("hello\n");
    }

    @Test
    void rotatesBySizeAndKeepsOnlyKeepOldFiles() throws Exception {
        Path file = dir.resolve("app.log");
        try (RotatingLogFile log = new RotatingLogFile(new LogSpec(file, 10, 2))) {
            for (int i = 1; i <= 5; i++) {
                log.write("line-" + i + "xx");
            }
        }
        assertThat(Files.readString(file)).isEqualTo("line-5xx\n");
        assertThat(Files.readString(dir.resolve("app.log.1"))).isEqualTo("line-4xx\n");
        assertThat(Files.readString(dir.resolve("app.log.2"))).isEqualTo("line-3xx\n");
        assertThat(dir.resolve("app.log.3")).doesNotExist();
    }

    @Test
    void appendsToAnExistingFileAcrossRestarts() throws Exception {
        Path file = dir.resolve("app.log");
        Files.writeString(file, "before\n");
        try (RotatingLogFile log = new RotatingLogFile(new LogSpec(file, 1024, 1))) {
            log.write("after");
        }
        assertThat(Files.readAllLines(file)).containsExactly("before", "after");
    }

    @Test
    void aBurstWrittenBehindRotatesBySizeAndKeepsEveryLineInOrder() throws Exception {
        Path file = dir.resolve("burst.log");
        int lines = 40_000;
        try (RotatingLogFile log = new RotatingLogFile(new LogSpec(file, 1 << 20, 2))) {
            for (int i = 0; i < lines; i++) {
                log.write(String.format("%06d %s", i, "y".repeat(90)));
            }
        }
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (Path part : java.util.List.of(dir.resolve("burst.log.2"), dir.resolve("burst.log.1"), file)) {
            assertThat(Files.size(part)).isLessThanOrEqualTo(1 << 20);
            kept.addAll(Files.readAllLines(part));
        }
        int first = lines - kept.size();
        for (int i = 0; i < kept.size(); i++) {
            assertThat(kept.get(i)).isEqualTo(String.format("%06d %s", first + i, "y".repeat(90)));
        }
        assertThat(kept.size()).isGreaterThan(2 * (1 << 20) / 98);
    }
}
