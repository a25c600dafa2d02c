package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.quote;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.fixtures.HttpFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each readiness probe kind drives readiness against a real process. */
class ProbesIT {
    private static final Duration BOOT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void logProbeWithTimesTwoWaitsForTheSecondMatch() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: log-probe
                services:
                  db:
                    command: %s
                    ready: { log: { pattern: "ready to accept connections", times: 2 }, timeout: 20s }
                """.formatted(sh("say-twice.sh", "database system is ready to accept connections")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            MusterRun.Line ready = run.awaitLine(line("db") + "ready in", BOOT);

            List<Integer> matches = indexesOf(run, line("db") + "database system is ready to accept connections$");
            assertThat(matches).as(run.output()).hasSize(2);
            assertThat(run.lines().indexOf(ready)).as(run.output("ready only after the second match"))
                    .isGreaterThan(matches.get(1));
            assertThat(ready.text()).as(run.output()).contains("2 times");
        }
    }

    @Test
    void logProbeSeesAReadyLinePrintedTheMomentTheServiceStarts() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: log-probe
                services:
                  cache:
                    command: %s
                    ready: { log: "Ready to accept connections", timeout: 5s }
                """.formatted(sh("say-then-idle.sh", "0", "Ready to accept connections tcp")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            MusterRun.Line ready = run.awaitLine(line("cache") + "ready in|FAILED cache", BOOT);

            assertThat(ready.text()).as(run.output()).matches(line("cache") + "ready in .*");
        }
    }

    @Test
    void httpProbeWaitsForTheExpectedStatusAndBody() {
        int port = Fixtures.freePort();
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: http-probe
                services:
                  web:
                    command: %s
                    ready:
                      http: { url: "http://127.0.0.1:%d/health", status: 200, body: %s }
                      timeout: 20s
                      interval: 100ms
                """.formatted(Fixtures.java(HttpFixture.class, port, 800, 1600), port,
                quote("\"status\": \"ok\"")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            MusterRun.Line ready = run.awaitLine(line("web") + "ready in (\\S+) \\(HTTP 200\\)", BOOT);

            // muster's own measure, from the launch: the fixture's clock starts later, in its main.
            assertThat(readyIn(ready)).as(run.output("not ready on the 503s nor on 200 with the wrong body"))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1600));
        }
    }

    @Test
    void httpProbeThatNeverSeesTheBodyFailsWithWhatItSaw() {
        int port = Fixtures.freePort();
        // The server is a dependency that is ready once it listens, so web's 3s are not spent on a JVM's start.
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: http-probe
                services:
                  server:
                    command: %s
                    ready: { tcp: %d, timeout: 60s }
                  web:
                    depends_on: [server]
                    command: %s
                    ready:
                      http: { url: "http://127.0.0.1:%d/health", status: 200, body: %s }
                      timeout: 3s
                """.formatted(Fixtures.java(HttpFixture.class, port, 0, 600_000), port,
                sh("say-then-idle.sh", 0, "web up"), port, quote("\"status\": \"ok\"")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            int exit = run.awaitExit(BOOT);

            assertThat(exit).as(run.output()).isEqualTo(1);
            assertThat(run.awaitStderr(line("muster") + "FAILED web failed: not ready within", Duration.ZERO).text())
                    .as(run.output())
                    .contains("HTTP 200", "starting", "body does not match");
        }
    }

    @Test
    void execProbeRunsItsCommandUntilItSucceeds() {
        Path flag = dir.resolve("ready.flag");
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: exec-probe
                services:
                  worker:
                    command: %s
                    ready: { exec: ["/usr/bin/test", "-f", %s], timeout: 20s }
                """.formatted(sh("touch-after.sh", "1", flag), quote(flag.toString())));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            MusterRun.Line ready = run.awaitLine(line("worker") + "ready in (\\S+) \\(exit code 0\\)", BOOT);

            assertThat(flag).as(run.output()).exists();
            assertThat(readyIn(ready)).as(run.output("not ready before the flag file was created, a second after start"
                    + " (muster times it from the launch, which comes first)")).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    /** The time in a {@code NAME | ready in 1.62s (...)} line. */
    private static Duration readyIn(MusterRun.Line ready) {
        java.util.regex.Matcher time = Pattern.compile("ready in (\\S+) ").matcher(ready.text());
        assertThat(time.find()).as(ready.text()).isTrue();
        return Fixtures.parseDuration(time.group(1));
    }

    private static List<Integer> indexesOf(MusterRun run, String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<MusterRun.Line> lines = run.lines();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i).text()).find()) {
                found.add(i);
            }
        }
        return found;
    }
}
