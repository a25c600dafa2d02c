package dev.muster.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.muster.platform.StopPlan;
import dev.muster.platform.StopSchedule;
import dev.muster.platform.StopStage;
import dev.muster.process.Signal;
import dev.muster.status.ServiceState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The final stop under a platform's grace, on fake time: the app is cut first, PostgreSQL keeps its time. */
class StopUnderBudgetTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String STACK = """
              db: { command: [postgres], stop: { signal: INT, timeout: 30s } }
              app: { command: [app], depends_on: [db], stop: { timeout: 10s } }
            """;

    @TempDir
    Path dir;

    @Test
    void aBudgetSmallerThanThePlanCutsTheAppFirstAndKeepsPostgresTime() throws Exception {
        try (FakeStack stack = new FakeStack(dir, STACK)) {
            List<Duration> dumpLimits = hook(stack);
            stack.supervisor.stopUnder(limits(Duration.ofSeconds(38)));
            stack.start();
            await().atMost(WAIT).until(() -> stack.status("app").state() == ServiceState.READY
                    && stack.status("db").state() == ServiceState.READY);
            stack.runtime.last("app").ignoreStopSignal();
            stack.runtime.last("db").ignoreStopSignal();

            stack.supervisor.signal(Signal.TERM);
            stack.exit().get();

            Duration app = stack.runtime.last("app").stopTimeouts().get(0);
            assertThat(app).isBetween(Duration.ofMillis(2990), Duration.ofSeconds(3));
            assertThat(dumpLimits).singleElement().satisfies(limit ->
                    assertThat(limit).isBetween(Duration.ofMillis(4990), Duration.ofMillis(5010)));
            assertThat(stack.runtime.last("db").stopTimeouts()).containsExactly(Duration.ofSeconds(30));
            assertThat(stack.stdout()).filteredOn(l -> l.contains("stopping under a 38s grace")).singleElement()
                    .satisfies(line -> assertThat(line).contains("app gets 3s instead of 10s",
                            "the on-stop dump before db 5s", "db 30s"));
        }
    }

    @Test
    void aBudgetLargerThanThePlanChangesNothing() throws Exception {
        try (FakeStack stack = new FakeStack(dir, STACK)) {
            List<Duration> dumpLimits = hook(stack);
            stack.supervisor.stopUnder(limits(Duration.ofSeconds(60)));
            stack.start();
            await().atMost(WAIT).until(() -> stack.status("app").state() == ServiceState.READY);
            stack.runtime.last("app").ignoreStopSignal();

            stack.supervisor.signal(Signal.TERM);
            stack.exit().get();

            assertThat(stack.runtime.last("app").stopTimeouts()).containsExactly(Duration.ofSeconds(10));
            assertThat(stack.runtime.last("db").stopTimeouts()).containsExactly(Duration.ofSeconds(30));
            assertThat(dumpLimits).singleElement().satisfies(limit ->
                    assertThat(limit).isGreaterThanOrEqualTo(Duration.ofSeconds(5)));
            assertThat(stack.stdout()).anyMatch(l -> l.contains("stopping under a 60s grace")
                    && l.contains("fits; every unit keeps its own stop timeout"));
        }
    }

    @Test
    void aStopThatIsNotASignalKeepsTheOwnTimeouts() throws Exception {
        try (FakeStack stack = new FakeStack(dir, STACK)) {
            hook(stack);
            stack.supervisor.stopUnder(limits(Duration.ofSeconds(5)));
            stack.start();
            await().atMost(WAIT).until(() -> stack.status("app").state() == ServiceState.READY);
            stack.runtime.last("app").ignoreStopSignal();

            stack.runtime.last("db").exit(1);
            stack.exit().get();

            assertThat(stack.runtime.last("app").stopTimeouts()).containsExactly(Duration.ofSeconds(10));
            assertThat(stack.stdout()).noneMatch(l -> l.contains("stopping under"));
        }
    }

    /** An on-stop "dump" before db that records its limit and takes two seconds of fake time. */
    private static List<Duration> hook(FakeStack stack) {
        List<Duration> limits = new CopyOnWriteArrayList<>();
        stack.supervisor.beforeStopping("db", (Duration within) -> {
            limits.add(within);
            stack.time.advance(Duration.ofSeconds(2));
        });
        return limits;
    }

    private static StopLimits limits(Duration grace) {
        Map<String, StopStage> stages = new LinkedHashMap<>();
        stages.put("app", new StopStage("app", StopStage.Tier.APPLICATION, Set.of(), Duration.ZERO, Duration.ofSeconds(10)));
        stages.put("db", new StopStage("db", StopStage.Tier.DATABASE, Set.of("app"), Duration.ofSeconds(5),
                Duration.ofSeconds(30)));
        StopSchedule schedule = StopSchedule.of(new StopPlan(stages), grace, "grace: in the profile");
        return new StopLimits() {
            @Override
            public List<String> announcement() {
                return List.of(schedule.announcement());
            }

            @Override
            public Duration hooks(String unit, Duration sinceSignal) {
                return schedule.dumpLimit(unit, sinceSignal);
            }

            @Override
            public Duration stop(String unit, Duration own, Duration sinceSignal) {
                return schedule.stopLimit(unit, own, sinceSignal);
            }
        };
    }
}
