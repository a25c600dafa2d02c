package dev.muster.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.muster.probe.ProbeResult;
import dev.muster.profile.Kind;
import dev.muster.process.Signal;
import dev.muster.status.ServiceState;
import dev.muster.status.StackHealth;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every transition of a unit's lifecycle, on fake time and scripted workloads: no test here sleeps. */
class ServiceUnitTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void becomesReadyWhenItsProbePassesAndTheStackIsHealthy() throws Exception {
        try (FakeStack stack = new FakeStack(dir, "  app: { command: [app], ready: { tcp: 8000 } }\n")) {
            stack.runtime.ready("app", ProbeResult.notYet("connection refused by 127.0.0.1:8000"));
            stack.start();
            await().atMost(WAIT).until(() -> stack.status("app").state() == ServiceState.STARTING
                    && stack.status("app").detail().contains("connection refused"));
            assertThat(health(stack)).isEqualTo(StackHealth.BOOTING);

            stack.runtime.ready("app", ProbeResult.ready("accepted a connection on 127.0.0.1:8000"));

            await().atMost(WAIT).until(() -> stack.status("app").state() == ServiceState.READY);
            assertThat(health(stack)).isEqualTo(StackHealth.READY);
        }
    }

    @Test
    void showsTheLastProbeResultWhileStarting() throws Exception {
        try (FakeStack stack = new FakeStack(dir, "  app: { command: [app], ready: { tcp: 8000, timeout: 1h } }\n")) {
            stack.runtime.ready("app", ProbeResult.notYet("HTTP 503 warming up"));
            stack.start();

            await().atMost(WAIT).untilAsserted(() -> assertThat(stack.status("app").detail())
                    .isEqualTo("not ready yet: HTTP 503 warming up"));
            stack.runtime.ready("app", ProbeResult.notYet("HTTP 503 migrating"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(stack.status("app").detail())
                    .isEqualTo("not ready yet: HTTP 503 migrating"));
        }
    }

    @Test
    void failsWhenNotReadyInTimeWithTheLastProbeResult() throws Exception {
        try (FakeStack stack = new FakeStack(dir, "  app: { command: [app], ready: { tcp: 8000, timeout: 2m, interval: 1m } }\n")) {
            stack.runtime.ready("app", ProbeResult.notYet("connection refused"));

            int exit = stack.start().exit().get();

            assertThat(exit).isEqualTo(1);
            assertThat(stack.status("app").state()).isEqualTo(ServiceState.STOPPED);
            assertThat(stack.stderr()).anyMatch(l -> l.contains("app failed: not ready within its ready.timeout of 2m00s"
                    + " (2 attempts); the last probe (ready app) said: connection refused"));
            assertThat(stack.time.slept()).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
        }
    }

    @Test
    void restartsAfterALivenessFailureAndTheStackIsHealthyAgain() throws Exception {
        try (FakeStack stack = new FakeStack(dir, """
                  app:
                    command: [app]
                    live: { tcp: 8000, period: 10s, failures: 3 }
                    restart: { policy: on-failure, backoff: { initial: 1s } }
                """)) {
            stack.start();
            await().atMost(WAIT).until(() -> health(stack) == StackHealth.READY);

            stack.runtime.failLiveness("app", 3);

            await().atMost(WAIT).until(() -> stack.runtime.launches("app").size() == 2
                    && stack.status("app").state() == ServiceState.READY);
            assertThat(stack.runtime.launches("app").get(0).signals()).containsExactly(Signal.TERM);
            assertThat(stack.status("app").restarts()).isEqualTo(1);
            assertThat(health(stack)).as("/health is 200 again once the restarted service is ready")
                    .isEqualTo(StackHealth.READY);
        }
    }

    @Test
    void aTwoMinuteBackoffTakesMilliseconds() throws Exception {
        try (FakeStack stack = new FakeStack(dir, """
                  app:
                    command: [app]
                    restart: { policy: on-failure, backoff: { initial: 2m, max: 5m } }
                """)) {
            stack.start();
            await().atMost(WAIT).until(() -> stack.status("app").state() == ServiceState.READY);
            long start = System.nanoTime();

            stack.runtime.last("app").exit(1);

            await().atMost(WAIT).until(() -> stack.runtime.launches("app").size() == 2
                    && stack.status("app").state() == ServiceState.READY);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(stack.time.slept()).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
            // 2m plus 0-10 % jitter: 2m00s to 2m12s
            assertThat(stack.stderr()).anyMatch(l -> l.matches(".*restarting app in 2m(0\\d|1[0-2])s \\(exited with code 1\\).*"));
        }
    }

    @Test
    void aCrashLoopOfARequiredServiceStopsTheStackWithEveryRun() throws Exception {
        try (FakeStack stack = new FakeStack(dir, """
                  app:
                    command: [app]
                    restart: { policy: on-failure, max: 2, backoff: { initial: 1s } }
                """)) {
            stack.runtime.exitAtOnce("app", 3);

            int exit = stack.start().exit().get();

            assertThat(exit).isEqualTo(1);
            assertThat(stack.runtime.launches("app")).hasSize(3);
            assertThat(stack.stderr()).anyMatch(l -> l.contains("app failed: crash loop: 2 restarts within 5m (restart.max is 2)"));
            assertThat(stack.stderr()).as(String.join("\n", stack.stderr())).filteredOn(l -> l.matches(".*Z  exited with code 3 before it was ready after .*")).hasSize(3);
        }
    }

    @Test
    void anOptionalAlwaysServicePastItsMaxIsACrashLoopNotCompleted() throws Exception {
        try (FakeStack stack = new FakeStack(dir, """
                  core: { command: [core] }
                  poller:
                    command: [poller]
                    required: false
                    restart: { policy: always, max: 2, backoff: { initial: 1s } }
                """)) {
            stack.runtime.exitAtOnce("poller", 0);
            stack.start();

            await().atMost(WAIT).until(() -> stack.status("poller").state() == ServiceState.FAILED);
            assertThat(stack.status("poller").stateLabel()).as(String.join("\n", stack.stderr())).isEqualTo("degraded");
            assertThat(stack.status("poller").detail()).startsWith("crash loop: 2 restarts");
            await().atMost(WAIT).untilAsserted(() -> assertThat(stack.stderr()).as("the console writes asynchronously")
                    .anyMatch(l -> l.contains("DEGRADED poller failed: crash loop")));
            assertThat(health(stack)).isEqualTo(StackHealth.READY);
        }
    }

    @Test
    void aDependentDeclaredWithRestartTrueFollowsAndTheStackIsHealthyAgain() throws Exception {
        try (FakeStack stack = new FakeStack(dir, """
                  db:
                    command: [db]
                    live: { tcp: 5432, period: 1s, failures: 1 }
                    restart: { policy: on-failure, backoff: { initial: 1s } }
                  app:
                    command: [app]
                    depends_on: { db: { condition: ready, restart: true } }
                """)) {
            stack.start();
            await().atMost(WAIT).until(() -> health(stack) == StackHealth.READY);

            stack.runtime.failLiveness("db", 1);

            await().atMost(WAIT).until(() -> stack.runtime.launches("app").size() == 2
                    && stack.status("app").state() == ServiceState.READY && stack.status("db").state() == ServiceState.READY);
            assertThat(stack.runtime.launches("app").get(0).signals()).containsExactly(Signal.TERM);
            assertThat(health(stack)).isEqualTo(StackHealth.READY);
            assertThat(stack.exit()).isNotDone();
        }
    }

    @Test
    void aStopWhileBackingOffEndsAtOnceWithoutAnotherLaunch() throws Exception {
        try (FakeStack stack = new FakeStack(dir, """
                  app:
                    command: [app]
                    restart: { policy: on-failure, backoff: { initial: 30m, max: 1h } }
                """)) {
            stack.time.hold(Duration.ofMinutes(30));
            stack.start();
            await().atMost(WAIT).until(() -> stack.status("app").state() == ServiceState.READY);
            stack.runtime.last("app").exit(1);
            await().atMost(WAIT).until(() -> stack.status("app").state() == ServiceState.RESTARTING);

            stack.supervisor.signal(Signal.TERM);

            assertThat(stack.exit().get()).isEqualTo(143);
            assertThat(stack.runtime.launches("app")).hasSize(1);
            assertThat(stack.stdout()).anyMatch(l -> l.endsWith("stopped cleanly after SIGTERM; exit 143"));
        }
    }

    @Test
    void aStopWhileStartingSendsTheStopSignal() throws Exception {
        try (FakeStack stack = new FakeStack(dir, "  app: { command: [app], ready: { tcp: 8000, timeout: 1h } }\n")) {
            stack.runtime.ready("app", ProbeResult.notYet("connection refused"));
            stack.start();
            await().atMost(WAIT).until(() -> stack.status("app").state() == ServiceState.STARTING);

            stack.supervisor.signal(Signal.TERM);

            assertThat(stack.exit().get()).isEqualTo(143);
            assertThat(stack.runtime.last("app").signals()).containsExactly(Signal.TERM);
            assertThat(stack.status("app").state()).isEqualTo(ServiceState.STOPPED);
        }
    }

    @Test
    void neverSaysStoppedCleanlyWhenSigkillWasNeeded() throws Exception {
        try (FakeStack stack = new FakeStack(dir, "  app: { command: [app], stop: { signal: TERM, timeout: 10s } }\n")) {
            stack.start();
            await().atMost(WAIT).until(() -> stack.status("app").state() == ServiceState.READY);
            stack.runtime.last("app").ignoreStopSignal();

            stack.supervisor.signal(Signal.TERM);

            assertThat(stack.exit().get()).isEqualTo(143);
            assertThat(stack.stdout()).noneMatch(l -> l.contains("stopped cleanly"));
            assertThat(stack.supervisor.ending().how()).isEqualTo("stopped after SIGTERM; not clean: SIGKILL was needed"
                    + " for app (it did not stop within its stop timeout; raise stop.timeout)");
        }
    }

    @Test
    void printsAServicesStartBeforeItsFirstOutputLineAndCountsServicesInWords() throws Exception {
        try (FakeStack stack = new FakeStack(dir, "  app: { command: [app] }\n")) {
            stack.start();
            await().atMost(WAIT).until(() -> stack.status("app").state() == ServiceState.READY);

            int started = indexOf(stack, "started, pid");
            int hello = indexOf(stack, "hello from app");
            assertThat(started).isNotNegative().isLessThan(hello);
            assertThat(stack.stdout()).anyMatch(l -> l.contains("booting fake: 1 service from"));
        }
    }

    @Test
    void anExternalUnitWaitsForItsProbeAndSatisfiesItsDependents() throws Exception {
        try (FakeStack stack = new FakeStack(dir, """
                  broker: { command: [unused], ready: { redis: 6379 } }
                  app: { command: [app], depends_on: [broker] }
                """, spec -> spec.name().equals("broker") ? Specs.with(spec, Kind.EXTERNAL, null, true) : spec)) {
            stack.runtime.ready("broker", ProbeResult.notYet("connection refused by 127.0.0.1:6379"));
            stack.start();
            await().atMost(WAIT).until(() -> stack.status("broker").detail().contains("connection refused"));
            assertThat(stack.runtime.launches("app")).isEmpty();

            stack.runtime.ready("broker", ProbeResult.ready("PONG from 127.0.0.1:6379"));

            await().atMost(WAIT).until(() -> stack.status("app").state() == ServiceState.READY);
            assertThat(stack.status("broker").state()).isEqualTo(ServiceState.READY);
            assertThat(stack.runtime.launches("broker")).as("nothing is launched for an external unit").isEmpty();
            assertThat(health(stack)).isEqualTo(StackHealth.READY);
        }
    }

    @Test
    void anExternalUnitThatNeverBecomesReadyFailsWithItsLastProbeResult() throws Exception {
        try (FakeStack stack = new FakeStack(dir, "  broker: { command: [unused], ready: { redis: 6379, timeout: 5m, interval: 30s } }\n",
                spec -> Specs.with(spec, Kind.EXTERNAL, null, true))) {
            stack.runtime.ready("broker", ProbeResult.notYet("connection refused by 127.0.0.1:6379"));

            assertThat(stack.start().exit().get()).isEqualTo(1);
            assertThat(stack.stderr()).anyMatch(l -> l.contains("broker failed: external service not ready within its"
                    + " ready.timeout of 5m00s") && l.contains("said: connection refused by 127.0.0.1:6379"));
        }
    }

    @Test
    void aDisabledUnitIsNeverStartedAndItsOptionalDependentIsNotStartedWithoutDegradingTheStack() throws Exception {
        try (FakeStack stack = new FakeStack(dir, """
                  flower: { command: [flower], enabled: "false", ready: { tcp: 5555 } }
                  dashboard: { command: [dashboard], depends_on: [flower], required: false }
                  app: { command: [app] }
                """)) {
            stack.start();

            await().atMost(WAIT).until(() -> stack.stdout().stream().anyMatch(l -> l.contains("all required services ready")));
            assertThat(stack.status("flower").state()).isEqualTo(ServiceState.DISABLED);
            assertThat(stack.status("flower").stateLabel()).isEqualTo("disabled");
            assertThat(stack.status("dashboard").state()).as("settled, not a failure").isEqualTo(ServiceState.DISABLED);
            assertThat(stack.status("dashboard").detail()).isEqualTo("not started: flower is disabled");
            assertThat(stack.runtime.launches("flower")).isEmpty();
            assertThat(stack.runtime.launches("dashboard")).isEmpty();
            assertThat(stack.runtime.probed("flower")).as("a disabled unit's probes never run").isZero();
            assertThat(stack.stderr()).noneMatch(l -> l.contains("dashboard") || l.contains("flower"));
            assertThat(stack.stdout()).noneMatch(l -> l.contains("degraded"));
            assertThat(health(stack)).isEqualTo(StackHealth.READY);
        }
    }

    @Test
    void aTaskPastItsDeadlineIsStoppedLikeAServiceAndFails() throws Exception {
        try (FakeStack stack = new FakeStack(dir, "  migrate: { kind: task, command: [migrate], stop: { signal: INT } }\n",
                spec -> Specs.with(spec, spec.kind(), Duration.ofMinutes(10), true))) {
            assertThat(stack.start().exit().get()).isEqualTo(1);

            assertThat(stack.runtime.last("migrate").signals()).as("its stop signal first").first().isEqualTo(Signal.INT);
            assertThat(stack.status("migrate").state()).isEqualTo(ServiceState.FAILED);
            assertThat(stack.status("migrate").detail()).startsWith("task still running at its deadline (timeout: 10m00s)");
        }
    }

    @Test
    void aStopHookRunsAfterEveryDependentStoppedAndBeforeItsUnitStops() throws Exception {
        try (FakeStack stack = new FakeStack(dir, """
                  db: { command: [postgres] }
                  app: { command: [app], depends_on: [db] }
                  report: { command: [report], depends_on: [app] }
                """)) {
            java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            stack.supervisor.beforeStopping("db", () -> seen.add(stack.status("app").state() + " "
                    + stack.status("report").state() + " " + stack.status("db").state()));
            stack.start();
            await().atMost(WAIT).until(() -> health(stack) == StackHealth.READY);

            stack.supervisor.signal(Signal.TERM);

            assertThat(stack.exit().get()).isEqualTo(143);
            assertThat(seen).containsExactly("STOPPED STOPPED READY");
        }
    }

    @Test
    void aLostOutputReaderFailsTheRunAndTheRestartPolicyDecides() throws Exception {
        try (FakeStack stack = new FakeStack(dir, """
                  app:
                    command: [app]
                    restart: { policy: on-failure, backoff: { initial: 1s } }
                """)) {
            stack.start();
            await().atMost(WAIT).until(() -> stack.status("app").state() == ServiceState.READY);

            stack.supervisor.outputLost("app", "OutOfMemoryError in its stdout reader");

            await().atMost(WAIT).until(() -> stack.runtime.launches("app").size() == 2
                    && stack.status("app").state() == ServiceState.READY);
            assertThat(stack.runtime.launches("app").get(0).signals()).first().isEqualTo(Signal.TERM);
            assertThat(stack.stderr()).anyMatch(l -> l.contains("restarting app in")
                    && l.contains("its output could not be read: OutOfMemoryError in its stdout reader"));
        }
    }

    @Test
    void readyServicesTasksAndExternalUnitsWaitingForTheirEndHoldNoThread() throws Exception {
        StringBuilder services = new StringBuilder("  ext: { kind: external, ready: { tcp: 5432 } }\n  job: { kind: task, command: [job] }\n");
        for (int i = 0; i < 30; i++) {
            services.append("  s").append(i).append(": { command: [app], restart: { policy: on-failure }, depends_on: [")
                    .append(i == 0 ? "ext" : "s" + (i - 1)).append("] }\n");
        }
        try (FakeStack stack = new FakeStack(dir, services.toString())) {
            stack.start();
            await().atMost(WAIT).until(() -> stack.status("s29").state() == ServiceState.READY
                    && stack.status("job").state() == ServiceState.STARTING);

            await().atMost(WAIT).untilAsserted(() -> assertThat(threadsInsideUnits()).isEmpty());

            stack.runtime.last("s29").exit(1);
            stack.runtime.last("job").exit(0);
            await().atMost(WAIT).until(() -> stack.status("job").state() == ServiceState.COMPLETED
                    && stack.runtime.launches("s29").size() == 2);
        }
    }

    /** Threads whose stack is inside a unit's own code (waiting in it, or working). */
    private static java.util.List<String> threadsInsideUnits() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("dev.muster.supervisor.")
                        && !f.getClassName().startsWith("dev.muster.supervisor.ServiceUnitTest")
                        && !f.getClassName().startsWith("dev.muster.supervisor.FakeStack")
                        && !f.getClassName().startsWith("dev.muster.supervisor.Supervisor")))
                .map(e -> e.getKey().getName() + " " + java.util.Arrays.toString(e.getValue()))
                .toList();
    }

    private static int indexOf(FakeStack stack, String text) {
        var lines = stack.stdout();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static StackHealth health(FakeStack stack) {
        return StackHealth.of(stack.supervisor.status().snapshot(), stack.supervisor.status().isStopping());
    }
}
