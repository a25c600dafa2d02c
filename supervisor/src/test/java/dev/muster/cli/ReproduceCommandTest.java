package dev.muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arguments of {@code muster reproduce --ephemeral} are checked before any engine is asked. */
class ReproduceCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), args);
    }

    @Test
    void aBucketWithoutEphemeralIsRefusedWithTheFix() {
        assertThat(run("reproduce", "--bucket", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bucket is for --ephemeral runs; add --ephemeral");
    }

    @Test
    void aBucketThatIsNotADirectoryIsAPreflightFailure() {
        Path missing = dir.resolve("no-such-bucket");

        assertThat(run("reproduce", "--ephemeral", "--bucket", missing.toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bucket " + missing + " is not a directory",
                "mkdir -m 0777 " + missing);
    }
}
