package dev.muster.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether this build's supervisor runs {@code kind: external} units (the run-time half of
 * {@code up --only}, which the supervisor work delivers). Until it does, {@code up --only} with
 * an external dependency dies with a Java exception in preflight or the supervisor; the ITs
 * that need it are then aborted with that reason instead of failing. Any other outcome lets
 * them run and judge the behaviour.
 */
final class ExternalRuntime {
    private ExternalRuntime() {
    }

    static void assume(Path dir) {
        int port = Fixtures.freePort();
        Path profile = dir.resolve("external-runtime.yaml");
        try {
            Files.writeString(profile, """
                    version: 1
                    name: external-runtime
                    services:
                      db: { command: [/bin/true], ready: { tcp: { port: %d }, timeout: 1s } }
                      app: { depends_on: [db], command: [/bin/true] }
                    control: { listen: "127.0.0.1:0" }
                    """.formatted(port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (MusterRun run = MusterRun.start(dir, Map.of("MUSTER_HOST_DB", "127.0.0.1"),
                "up", "-p", profile.toString(), "--only", "app")) {
            run.awaitExit(Duration.ofSeconds(30));
            boolean crashed = run.stderr().stream().anyMatch(l -> l.matches("\\s+at dev\\.muster\\.(preflight|supervisor)\\..*"));
            Assumptions.assumeFalse(crashed, "this build has no run-time for kind: external yet (the supervisor work"
                    + " brings it): up --only with an external dependency crashed:\n" + String.join("\n", run.stderr()));
        }
    }
}
