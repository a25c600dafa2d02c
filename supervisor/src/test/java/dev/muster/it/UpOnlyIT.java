package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code muster up --only NAME} with its dependency running elsewhere: muster waits for the
 * external with its own ready probe at MUSTER_HOST_<NAME>, fails with the probe's result when it
 * never answers, and starts NAME once it does.
 */
class UpOnlyIT {
    private static final Duration RUN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void waitsForADownExternalThenFailsWithItsProbeResult() {
        int port = Fixtures.freePort();
        Path profile = profile(port);

        try (MusterRun run = MusterRun.start(dir, Map.of("MUSTER_HOST_DB", "127.0.0.1"),
                "up", "-p", profile.toString(), "--only", "app")) {
            int exit = run.awaitExit(RUN);

            assertThat(exit).as(run.output()).isEqualTo(1);
            assertThat(run.stderr()).as(run.output("the report names db, its deadline and its last probe result"))
                    .anyMatch(l -> l.contains("FAILED db failed: external service not ready within its ready.timeout of 4.00s")
                            && l.contains("the last probe (tcp 127.0.0.1:" + port + ") said: connection refused"));
            assertThat(run.stdout()).as(run.output("app never started")).noneMatch(l -> l.matches(line("app") + "started.*"));
        }
    }

    @Test
    void startsTheSliceOnceTheExternalAnswers() throws IOException {
        try (ServerSocket db = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path profile = profile(db.getLocalPort());

            try (MusterRun run = MusterRun.start(dir, Map.of("MUSTER_HOST_DB", "127.0.0.1"),
                    "up", "-p", profile.toString(), "--only", "app")) {
                run.awaitLine(line("muster") + "all required services ready in", RUN);
                assertThat(run.stdout()).as(run.output()).anyMatch(l -> l.matches(line("app") + "started.*"))
                        .noneMatch(l -> l.matches(line("db") + "started.*"))
                        .as(run.output("the summary shows db as external and ready"))
                        .anyMatch(l -> l.matches(line("muster") + "db +external +ready +- .*127\\.0\\.0\\.1:" + db.getLocalPort() + ".*"))
                        .noneMatch(l -> l.matches(line("muster") + "unrelated .*"));

                run.signal("TERM");
                assertThat(run.awaitExit(RUN)).as(run.output()).isEqualTo(143);
            }
        }
    }

    private Path profile(int port) {
        return Fixtures.profile(dir, """
                version: 1
                name: only
                services:
                  db:
                    command: [/bin/sleep, "600"]
                    ready: { tcp: { port: %d }, timeout: 4s }
                  app:
                    depends_on: [db]
                    command: [/bin/sleep, "600"]
                  unrelated:
                    command: [/bin/sleep, "600"]
                control: { listen: "127.0.0.1:0" }
                """.formatted(port));
    }
}
