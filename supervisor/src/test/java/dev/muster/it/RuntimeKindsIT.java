package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** enabled:, kind: external and a task's timeout: at run time, through the jar, with real processes and Redis. */
class RuntimeKindsIT {
    private static final Duration QUICK = Duration.ofSeconds(60);
    private static final Path REDIS = Path.of("/usr/bin/redis-server");

    @TempDir
    Path dir;

    @Test
    void anExternalRedisThatComesUpLateIsWaitedForAndThenItsDependentStarts() throws Exception {
        assumeTrue(Files.isExecutable(REDIS), "needs " + REDIS);
        int port = Fixtures.freePort();
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: late-broker
                control: { listen: "127.0.0.1:0" }
                services:
                  broker:
                    kind: external
                    ready: { redis: { url: "redis://127.0.0.1:%d/0" }, timeout: 120s, interval: 200ms }
                  worker:
                    depends_on: [broker]
                    command: %s
                """.formatted(port, sh("say-then-idle.sh", 0, "worker up")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            ControlHttp control = ControlHttp.of(run);
            run.awaitLine(line("muster") + "booting late-broker", QUICK);
            await("broker shown as an external that is waited for").atMost(QUICK).untilAsserted(() ->
                    assertThat(control.get("/status").body()).contains("\"kind\" : \"external\"")
                            .contains("\"label\" : \"waiting\"").contains("external, not ready yet: connection refused"));
            long waitingSince = System.nanoTime();
            await("muster has waited a few seconds").atMost(QUICK).pollInterval(Duration.ofMillis(200))
                    .until(() -> System.nanoTime() - waitingSince > TimeUnit.SECONDS.toNanos(3));
            assertThat(run.transcript()).as("the dependent waits").doesNotContain("worker up");
            assertThat(control.get("/health").statusCode()).isEqualTo(503);

            Process redis = new ProcessBuilder(REDIS.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
            try {
                run.awaitLine(line("broker") + "ready in .*\\(external: ", QUICK);
                run.awaitLine(line("worker") + "worker up", QUICK);
                await().atMost(QUICK).until(() -> control.get("/health").statusCode() == 200);
                assertThat(control.get("/status").body()).contains("\"kind\" : \"external\"", "\"label\" : \"ready\"");
                assertThat(run.stdout()).as(run.output("nothing was launched for the external"))
                        .noneMatch(l -> l.matches("^broker *\\| started.*"));

                run.signal("TERM");
                assertThat(run.awaitExit(QUICK)).as(run.output()).isEqualTo(143);
                assertThat(redis.isAlive()).as("muster never stops an external service").isTrue();
            } finally {
                redis.destroy();
                redis.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void anExternalThatNeverComesUpIsExitOneWithTheProbesLastResult() {
        int port = Fixtures.freePort();
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: no-broker
                control: { listen: "127.0.0.1:0" }
                services:
                  broker:
                    kind: external
                    ready: { redis: { url: "redis://127.0.0.1:%d" }, timeout: 3s, interval: 500ms }
                  worker: { depends_on: [broker], command: %s }
                """.formatted(port, sh("say-then-idle.sh", 0, "worker up")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            assertThat(run.awaitExit(QUICK)).as(run.output()).isEqualTo(1);
            assertThat(run.stderr()).as(run.output()).anyMatch(l -> l.contains("broker failed: external service not ready"
                    + " within its ready.timeout of 3.00s") && l.contains("said: connection refused by 127.0.0.1:" + port)
                    && l.contains("muster does not start external services"));
            assertThat(run.transcript()).doesNotContain("worker up");
        }
    }

    @Test
    void checkSaysAnExternalIsNotStartedAndWhatItIsWaitedForWith() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: check-external
                services:
                  broker:
                    kind: external
                    ready: { redis: { url: "redis://broker.internal:6380/2" }, timeout: 45s }
                  worker: { depends_on: [broker], command: [/bin/true] }
                """);

        try (MusterRun run = MusterRun.start(dir, Map.of(), "check", "-p", profile.toString())) {
            assertThat(run.awaitExit(QUICK)).as(run.output()).isZero();
            assertThat(run.stdout()).as(run.output()).anyMatch(l -> l.startsWith("  broker (external) not started here;"
                    + " waited for up to 45.00s with") && l.contains("broker.internal:6380"));
        }
    }

    @Test
    void aDisabledServiceIsShownAsDisabledItsProbeNeverRunsAndItsOptionalDependentIsNotStarted() throws Exception {
        Path probed = dir.resolve("flower-probed");
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: slim
                control: { listen: "127.0.0.1:0" }
                services:
                  flower:
                    enabled: ${ENABLE_FLOWER:-false}
                    command: %1$s
                    ready: { exec: [/usr/bin/touch, %2$s] }
                  flower-dashboard: { depends_on: [flower], required: false, command: %1$s }
                  app: { command: %3$s }
                """.formatted(sh("say-then-idle.sh", 0, "flower up"), Fixtures.quote(probed.toString()),
                sh("say-then-idle.sh", 0, "app up")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            ControlHttp control = ControlHttp.of(run);
            run.awaitLine(line("muster") + "all required services ready in", QUICK);

            assertThat(run.stdout()).as(run.output("the summary")).anyMatch(l -> l.matches(".*flower +service +disabled .*"))
                    .anyMatch(l -> l.matches(".*flower-dashboard +service +disabled .*"))
                    .anyMatch(l -> l.contains("flower-dashboard | not started: flower is disabled"));
            assertThat(run.transcript()).doesNotContain("flower up", "degraded");
            assertThat(control.get("/health").statusCode()).as("a disabled service does not degrade /health").isEqualTo(200);
            assertThat(control.get("/status").body()).contains("\"label\" : \"disabled\"",
                    "\"detail\" : \"not started: flower is disabled\"");
            try (MusterRun status = MusterRun.start(dir, Map.of(), "status", "-p", profile.toString())) {
                assertThat(status.awaitExit(QUICK)).as(status.output()).isZero();
                assertThat(status.stdout()).as(status.output()).anyMatch(l -> l.matches("flower +service +disabled .*"))
                        .anyMatch(l -> l.matches("flower-dashboard +service +disabled .*"));
            }
            assertThat(probed).as("a disabled service's probe never runs").doesNotExist();
            run.signal("TERM");
            assertThat(run.awaitExit(QUICK)).as(run.output()).isEqualTo(143);
        }
    }

    @Test
    void aTaskPastItsTimeoutIsStoppedWithItsSignalThenKilledAndFailsTheStack() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: deadline
                control: { listen: "127.0.0.1:0" }
                services:
                  migrate:
                    kind: task
                    command: %s
                    timeout: 2s
                    stop: { signal: TERM, timeout: 2s }
                  app: { depends_on: [migrate], command: %s }
                """.formatted(sh("ignore-term.sh", dir, "migrate"), sh("say-then-idle.sh", 0, "app up")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            assertThat(run.awaitExit(QUICK)).as(run.output()).isEqualTo(1);

            assertThat(run.stdout()).as(run.output()).anyMatch(l -> l.contains("stopping migrate: SIGTERM to its process"
                    + " group, SIGKILL after 2.00s")).anyMatch(l -> l.contains("muster killed its process group with SIGKILL"));
            assertThat(run.stderr()).as(run.output()).anyMatch(l -> l.contains("migrate failed: task still running at its"
                    + " deadline (timeout: 2.00s); muster stopped it"));
            assertThat(run.transcript()).doesNotContain("app up");
            assertThat(Fixtures.alive(Fixtures.pidIn(dir.resolve("migrate.pid")))).isFalse();
            assertThat(Fixtures.alive(Fixtures.pidIn(dir.resolve("migrate.child")))).as("its child is killed too").isFalse();
        }
    }
}
