package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM with real processes: reverse dependency order, and not one process left behind. */
class ShutdownIT {
    private static final List<String> SERVICES = List.of("a", "b", "c");

    @TempDir
    Path dir;

    @Test
    void stopsInReverseDependencyOrderAndLeavesNoProcessBehind() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: family
                services:
                  a:
                    command: %s
                    ready: { log: "a up", timeout: 20s }
                  b:
                    depends_on: [a]
                    command: %s
                    ready: { log: "b up", timeout: 20s }
                  c:
                    depends_on: [b]
                    command: %s
                    ready: { log: "c up", timeout: 20s }
                """.formatted(sh("family.sh", dir, "a"), sh("family.sh", dir, "b"), sh("family.sh", dir, "c")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("muster") + "all required services ready in", Duration.ofSeconds(30));
            List<Long> pids = new ArrayList<>();
            for (String service : SERVICES) {
                pids.add(Fixtures.pidIn(dir.resolve(service + ".pid")));
                pids.add(Fixtures.pidIn(dir.resolve(service + ".child")));
                pids.add(Fixtures.pidIn(dir.resolve(service + ".orphan")));
            }
            assertThat(pids).as(run.output("services, their children and their orphans before SIGTERM"))
                    .allMatch(Fixtures::alive);

            run.signal("TERM");
            int exit = run.awaitExit(Duration.ofSeconds(30));

            assertThat(exit).as(run.output()).isEqualTo(143);
            int stoppingC = run.indexOf(line("muster") + "stopping c: SIGTERM");
            int stoppedC = run.indexOf(line("muster") + "c stopped: ");
            int stoppingB = run.indexOf(line("muster") + "stopping b: SIGTERM");
            int stoppedB = run.indexOf(line("muster") + "b stopped: ");
            int stoppingA = run.indexOf(line("muster") + "stopping a: SIGTERM");
            int stoppedA = run.indexOf(line("muster") + "a stopped: ");
            assertThat(List.of(stoppingC, stoppedC, stoppingB, stoppedB, stoppingA, stoppedA)).as(run.output())
                    .doesNotContain(-1)
                    .isSorted();
            assertThat(run.stdout()).as(run.output()).last(STRING)
                    .matches(line("muster") + "stopped cleanly after SIGTERM; exit 143");
            await("no service process, child or orphan alive after muster exited")
                    .atMost(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(pids).as(run.output()).noneMatch(Fixtures::alive));
        }
    }
}
