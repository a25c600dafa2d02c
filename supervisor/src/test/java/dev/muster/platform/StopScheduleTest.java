package dev.muster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StopScheduleTest {
    private static final StopPlan PLAN = plan();

    @Test
    void theAppGetsItsShareAndPostgresItsWholeStopWhenTheAppUsesItAll() {
        StopSchedule schedule = StopSchedule.of(PLAN, Duration.ofSeconds(20), "grace: in the profile");

        assertThat(schedule.stopLimit("app", Duration.ofSeconds(10), Duration.ZERO)).isEqualTo(Duration.ofSeconds(3));
        assertThat(schedule.dumpLimit("db", Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.stopLimit("db", Duration.ofSeconds(12), Duration.ofSeconds(8))).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void timeAnEarlyStageDidNotUseGoesToTheStagesAfterIt() {
        StopSchedule schedule = StopSchedule.of(PLAN, Duration.ofSeconds(20), "grace: in the profile");

        assertThat(schedule.dumpLimit("db", Duration.ofSeconds(1))).as("the app stopped after 1s of its 3s")
                .isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aLateStageGetsOnlyWhatIsLeftAndNeverLessThanZero() {
        StopSchedule schedule = StopSchedule.of(PLAN, Duration.ofSeconds(20), "grace: in the profile");

        assertThat(schedule.stopLimit("db", Duration.ofSeconds(12), Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.stopLimit("app", Duration.ofSeconds(10), Duration.ofSeconds(30))).isZero();
        assertThat(schedule.dumpLimit("db", Duration.ofSeconds(30))).isZero();
    }

    @Test
    void saysWhatTheGraceCutsOrThatThePlanFits() {
        assertThat(StopSchedule.of(PLAN, Duration.ofSeconds(20), "RAILWAY_DEPLOYMENT_DRAINING_SECONDS=20 on Railway")
                .announcement()).isEqualTo("stopping under a 20s grace (RAILWAY_DEPLOYMENT_DRAINING_SECONDS=20 on"
                + " Railway), the stop plan needs 27s: app gets 3s instead of 10s; the on-stop dump before db 5s; db 12s");
        assertThat(StopSchedule.of(PLAN, Duration.ofSeconds(30), "Render's default").announcement())
                .isEqualTo("stopping under a 30s grace (Render's default): the stop plan (27s) fits; every unit keeps"
                        + " its own stop timeout");
    }

    private static StopPlan plan() {
        Map<String, StopStage> stages = new LinkedHashMap<>();
        stages.put("app", new StopStage("app", StopStage.Tier.APPLICATION, Set.of(), Duration.ZERO, Duration.ofSeconds(10)));
        stages.put("db", new StopStage("db", StopStage.Tier.DATABASE, Set.of("app"), Duration.ofSeconds(5),
                Duration.ofSeconds(12)));
        return new StopPlan(stages);
    }
}
