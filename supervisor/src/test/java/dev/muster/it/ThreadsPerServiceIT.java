package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a supervised service costs muster in threads once the stack is up: its output reader and
 * nothing else (no thread waits for its exit, none parks for its unit), so 40 services cost 40.
 */
class ThreadsPerServiceIT {
    private static final Duration BOOT = Duration.ofSeconds(60);
    private static final int SERVICES = 40;

    @TempDir
    Path dir;

    @Test
    void anIdleReadyServiceCostsOneThreadItsOutputReader() {
        StringBuilder profile = new StringBuilder("version: 1\nname: threads\nservices:\n");
        for (int i = 0; i < SERVICES; i++) {
            profile.append("  s").append(i).append(":\n    command: [sleep, \"600\"]\n");
            if (i >= SERVICES / 2) {
                profile.append("    depends_on: [s").append(i - SERVICES / 2).append("]\n");
            }
        }
        try (MusterRun run = MusterRun.up(Fixtures.profile(dir, profile.toString()), Map.of())) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);
            long pid = run.musterPid();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(threadNames(pid))
                    .as(run.output("no unit thread lives on once every unit waits")).noneMatch("muster-unit"::equals));
            List<String> names = threadNames(pid);
            assertThat(names).filteredOn(n -> n.startsWith("process reaper"))
                    .as("no thread waits for each child's exit (one idle JVM reaper may remain from `setpriv --help` at start)")
                    .hasSizeLessThanOrEqualTo(1);
            assertThat(names).filteredOn(n -> n.startsWith("muster-output-")).hasSize(SERVICES);
            run.signal("TERM");
            assertThat(run.awaitExit(Duration.ofSeconds(30))).as(run.output()).isEqualTo(143);
        }
    }

    private static List<String> threadNames(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return tasks.map(task -> {
                try {
                    return Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    return "";
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
