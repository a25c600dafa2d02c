package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM when services resist, when the boot is half done, and when it comes twice. */
class ShutdownUnderPressureIT {
    private static final Duration BOOT = Duration.ofSeconds(30);
    private static final Duration STOP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void killsTheWholeProcessGroupOfAServiceThatIgnoresSigterm() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: stubborn
                services:
                  stubborn:
                    command: %s
                    ready: { log: "stubborn up", timeout: 20s }
                    stop: { timeout: 1s }
                """.formatted(sh("ignore-term.sh", dir, "stubborn")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);
            List<Long> pids = List.of(Fixtures.pidIn(dir.resolve("stubborn.pid")), Fixtures.pidIn(dir.resolve("stubborn.child")));
            assertThat(pids).as(run.output("the service and its child before SIGTERM")).allMatch(Fixtures::alive);

            Instant sent = Instant.now();
            run.signal("TERM");
            int exit = run.awaitExit(STOP);
            Duration shutdown = Duration.between(sent, Instant.now());

            assertThat(exit).as(run.output()).isEqualTo(143);
            assertThat(run.stdout()).as(run.output()).anyMatch(l -> l.matches(line("muster")
                    + "stubborn stopped: did not stop within 1\\.00s of SIGTERM; muster killed its process group with SIGKILL$"));
            assertThat(shutdown).as(run.output("SIGKILL only after the 1s stop timeout, and soon after it"))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1))
                    .isLessThan(Duration.ofSeconds(5));
            await("the service and its child gone").atMost(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(pids).as(run.output()).noneMatch(Fixtures::alive));
        }
    }

    @Test
    void sigtermInTheMiddleOfABootLeavesNothingRunning() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: half-booted
                services:
                  a:
                    command: %s
                    ready: { log: "a up", timeout: 20s }
                    stop: { timeout: 1s }
                  b:
                    depends_on: [a]
                    command: %s
                    ready: { log: "b up", timeout: 20s }
                    stop: { timeout: 1s }
                  c:
                    depends_on: [b]
                    command: %s
                """.formatted(sh("family.sh", dir, "a"), sh("family.sh", dir, "b", "3"),
                sh("say-then-idle.sh", "0", "c up")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("a") + "ready in", BOOT);
            run.awaitLine(line("b") + "started, pid \\d+", BOOT);
            await("b wrote its pids").atMost(BOOT).until(() -> Files.exists(dir.resolve("b.pid")));
            List<Long> pids = new ArrayList<>();
            for (String service : List.of("a", "b")) {
                for (String kind : List.of("pid", "child", "orphan")) {
                    pids.add(Fixtures.pidIn(dir.resolve(service + "." + kind)));
                }
            }

            Instant sent = Instant.now();
            run.signal("TERM");
            int exit = run.awaitExit(STOP);

            assertThat(exit).as(run.output()).isEqualTo(143);
            assertThat(Duration.between(sent, Instant.now())).as(run.output("b is stopped while it boots, not awaited"))
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(run.stdout()).as(run.output("b never got ready and c never started"))
                    .noneMatch(l -> l.matches(line("b") + "(b up|ready in).*"))
                    .anyMatch(l -> l.matches(line("muster") + "stopping b: SIGTERM.*"))
                    .anyMatch(l -> l.matches(line("muster") + "stopping a: SIGTERM.*"));
            assertThat(run.stdout().stream().filter(l -> l.matches(line("c") + ".*")).toList())
                    .as(run.output("c never started, and says why"))
                    .singleElement().matches(l -> l.matches(line("c") + "not started: muster was stopping"));
            assertThat(run.stderr()).as(run.output("a stop during the boot is not a failure"))
                    .noneMatch(l -> l.contains("FAILED"));
            await("no process of a or b, their children or orphans alive").atMost(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(pids).as(run.output()).noneMatch(Fixtures::alive));
        }
    }

    @Test
    void aSecondSigtermDuringShutdownDoesNotSkipCleanStops() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: patient
                services:
                  slow:
                    command: %s
                    ready: { log: "up", timeout: 20s }
                    stop: { timeout: 10s }
                """.formatted(sh("slow-stop.sh", "1.5")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);

            run.signal("TERM");
            MusterRun.Line shuttingDown = run.awaitLine(line("slow") + "shutting down$", BOOT);
            run.signal("TERM");
            int exit = run.awaitExit(STOP);

            assertThat(exit).as(run.output()).isEqualTo(143);
            MusterRun.Line again = run.awaitLine(line("muster")
                    + "received SIGTERM while stopping; still stopping every service cleanly", Duration.ZERO);
            MusterRun.Line bye = run.awaitLine(line("slow") + "bye$", Duration.ZERO);
            MusterRun.Line stopped = run.awaitLine(line("muster") + "slow stopped: ", Duration.ZERO);
            assertThat(stopped.text()).as(run.output("a clean exit, not a SIGKILL"))
                    .matches(line("muster") + "slow stopped: exited with code 0 in \\d+\\.\\d\\ds$");
            assertThat(List.of(shuttingDown, again, bye, stopped)).as(run.output("the second SIGTERM came mid-stop"))
                    .map(l -> run.lines().indexOf(l)).isSorted();
            assertThat(Fixtures.parseDuration(stopped.text().replaceFirst(".* in ", "")))
                    .as(run.output("the service got its 1.5s, as muster timed it from its SIGTERM"))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        }
    }
}
