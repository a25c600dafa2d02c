package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boot order with real processes: independent services start together; dependents wait for readiness. */
class BootOrderIT {
    private static final Duration BOOT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void startsIndependentServicesTogetherSoBootTakesTheLongestNotTheSum() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: parallel
                services:
                  left:
                    command: %s
                    ready: { log: "left listening", timeout: 20s }
                  right:
                    command: %s
                    ready: { log: "right listening", timeout: 20s }
                """.formatted(sh("say-then-idle.sh", "1.5", "left listening"),
                sh("say-then-idle.sh", "1.5", "right listening")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            MusterRun.Line summary = run.awaitLine(line("muster") + "all required services ready in (\\S+)", BOOT);
            run.awaitLine(line("left") + "ready in", BOOT);
            run.awaitLine(line("right") + "ready in", BOOT);
            int leftStarted = run.indexOf(line("left") + "started, pid \\d+");
            int rightStarted = run.indexOf(line("right") + "started, pid \\d+");
            int leftReady = run.indexOf(line("left") + "ready in");
            int rightReady = run.indexOf(line("right") + "ready in");

            assertThat(Math.max(leftStarted, rightStarted))
                    .as(run.output("both started before either was ready"))
                    .isGreaterThanOrEqualTo(0)
                    .isLessThan(Math.min(leftReady, rightReady));
            // muster's own clock, from before either launch to the last ready: at least one 1.5s wait, and
            // well under the 3s of both in a row (when this test reads the lines is no measure of either).
            assertThat(reportedBootTime(summary)).as(run.output())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1500))
                    .isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void startsDependentOnlyAfterItsDependencyIsReady() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: chain
                services:
                  db:
                    command: %s
                    ready: { log: "db accepting connections", timeout: 20s }
                  api:
                    depends_on: [db]
                    command: %s
                """.formatted(sh("say-then-idle.sh", "1", "db accepting connections"),
                sh("say-then-idle.sh", "0", "api listening")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("api") + "ready in", BOOT);
            int dbReady = run.indexOf(line("db") + "ready in");
            int apiStarted = run.indexOf(line("api") + "started, pid \\d+");

            assertThat(dbReady).as(run.output()).isGreaterThanOrEqualTo(0);
            assertThat(apiStarted).as(run.output("api started after db was ready")).isGreaterThan(dbReady);
            assertThat(run.indexOf(line("db") + "db accepting connections"))
                    .as(run.output()).isLessThan(apiStarted);
        }
    }

    @Test
    void printsTheSummaryAfterEveryServiceHasSaidItIsReady() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: summary
                services:
                  one:
                    command: %s
                  two:
                    command: %s
                  three:
                    depends_on: [one, two]
                    command: %s
                """.formatted(sh("say-then-idle.sh", "0", "one up"), sh("say-then-idle.sh", "0", "two up"),
                sh("say-then-idle.sh", "0", "three up")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);
            run.awaitLine(line("three") + "ready in", BOOT);

            int header = run.indexOf(line("muster") + "SERVICE +KIND +STATE +PID +READY IN +ADDRESS +RESTARTS");
            for (String service : List.of("one", "two", "three")) {
                assertThat(run.indexOf(line(service) + "ready in"))
                        .as(run.output(service + "'s ready line comes before the summary table"))
                        .isBetween(0, header);
            }
        }
    }

    private static Duration reportedBootTime(MusterRun.Line summary) {
        Matcher matcher = Pattern.compile("ready in (\\S+?)(;|$)").matcher(summary.text());
        assertThat(matcher.find()).as(summary.text()).isTrue();
        return Fixtures.parseDuration(matcher.group(1));
    }
}
