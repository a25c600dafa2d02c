package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a boot fails with real processes: at once when a service dies, at the deadline when it never gets ready. */
class BootFailureIT {
    private static final Duration BOOT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void printsLogTailWithinTwoSecondsWhenServiceCrashesAtBoot() {
        int port = Fixtures.freePort();
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: crash
                services:
                  backend:
                    command: %s
                    ready: { tcp: %d, timeout: 60s }
                  frontend:
                    depends_on: [backend]
                    command: %s
                """.formatted(sh("crash-at-boot.sh", "/nonexistent/backend_logs/backend.log"), port,
                sh("say-then-idle.sh", "0", "frontend up")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            int exit = run.awaitExit(Duration.ofSeconds(20));

            assertThat(exit).as(run.output()).isEqualTo(1);
            MusterRun.Line started = run.awaitLine(line("backend") + "started, pid \\d+", Duration.ZERO);
            MusterRun.Line failed = run.awaitStderr(line("muster") + "FAILED backend failed: exited with code 3",
                    Duration.ZERO);
            assertThat(Duration.between(started.at(), failed.at())).as(run.output("from start to failure report"))
                    .isLessThan(Duration.ofSeconds(2));
            assertThat(Duration.between(run.launchedAt(), failed.at())).as(run.output())
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(run.stderr()).as(run.output())
                    .anyMatch(l -> l.matches(line("muster") + " +waiting on it: frontend$"))
                    .anyMatch(l -> l.matches(line("muster") + " +last \\d+ of \\d+ log lines of backend:$"))
                    .anyMatch(l -> l.matches(line("muster")
                            + " +> cannot open /nonexistent/backend_logs/backend.log: No such file or directory$"))
                    .anyMatch(l -> l.matches(line("muster") + " +> Worker failed to boot.$"));
            assertThat(run.stdout()).as(run.output()).noneMatch(l -> l.matches(line("frontend") + "started.*"));
        }
    }

    @Test
    void failsAtItsOwnReadyTimeoutWithTheLastProbeError() {
        int port = Fixtures.freePort();
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: never-ready
                services:
                  api:
                    command: %s
                    ready: { tcp: %d, timeout: 2s }
                """.formatted(sh("say-then-idle.sh", "0", "api booted but listens nowhere"), port));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            int exit = run.awaitExit(Duration.ofSeconds(20));

            assertThat(exit).as(run.output()).isEqualTo(1);
            MusterRun.Line started = run.awaitLine(line("api") + "started, pid \\d+", Duration.ZERO);
            MusterRun.Line failed = run.awaitStderr(line("muster")
                    + "FAILED api failed: not ready within its ready.timeout of 2", Duration.ZERO);
            assertThat(failed.text()).as(run.output()).contains("connection refused", "127.0.0.1:" + port);
            // The 2s count from api's launch, which comes after muster's: no late read of 'started' can break this.
            assertThat(Duration.between(run.launchedAt(), failed.at())).as(run.output("not before the deadline"))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(Duration.between(started.at(), failed.at())).as(run.output("soon after the deadline"))
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(run.stderr()).as(run.output())
                    .anyMatch(l -> l.matches(line("muster") + " +> api booted but listens nowhere$"));
        }
    }

    @Test
    void keepsTheStackUpWhenAnOptionalServiceFails() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: degraded
                services:
                  core:
                    command: %s
                  extra:
                    required: false
                    command: %s
                    ready: { tcp: %d, timeout: 60s }
                """.formatted(sh("say-then-idle.sh", "0", "core up"),
                sh("crash-at-boot.sh", "/nonexistent/extra.log"), Fixtures.freePort()));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitStderr(line("muster") + "DEGRADED extra failed: exited with code 3", BOOT);
            MusterRun.Line summary = run.awaitLine(line("muster") + "all required services ready in", BOOT);

            assertThat(summary.text()).as(run.output()).contains("degraded: extra");
            assertThat(run.stdout()).as(run.output())
                    .anyMatch(l -> l.matches(line("muster") + "extra +service +degraded .*"))
                    .anyMatch(l -> l.matches(line("muster") + "core +service +ready .*"));
            assertThat(run.isAlive()).as(run.output("muster keeps supervising core"))
                    .isTrue();

            run.signal("TERM");
            assertThat(run.awaitExit(Duration.ofSeconds(20))).as(run.output()).isEqualTo(143);
            assertThat(run.stdout()).as(run.output())
                    .anyMatch(l -> l.matches(line("muster") + "stopping core: .*"));
        }
    }
}
