package dev.muster.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.process.ExitStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one wording of a failure: its reason, its fix, and the short form a restart and a crash loop's run list use. */
class CauseTest {

    @Test
    void aCrashLoopSaysWhyItGaveUpTheLastRunAndEveryEarlierRun() {
        Cause last = new Cause.NotLive(3, "HTTP 500");
        Cause crashLoop = new Cause.CrashLoop(2, Duration.ofMinutes(5), 2, last, List.of(
                new Cause.PastRun(Instant.parse("2026-01-01T12:00:01.120Z"),
                        new Cause.ExitedBeforeReady(new ExitStatus(1), Duration.ofMillis(120), ""), Duration.ofMillis(120)),
                new Cause.PastRun(Instant.parse("2026-01-01T12:00:05Z"), last, Duration.ofSeconds(4))));

        Failure failure = new Failure("api", crashLoop);

        assertThat(failure.headline()).isEqualTo("api failed: crash loop: 2 restarts within 5m (restart.max is 2);"
                + " the last run: failed its liveness check 3 times in a row; the last said: HTTP 500."
                + " Fix the cause shown in its log below; muster stops retrying so the failure is not hidden.");
        assertThat(failure.history()).containsExactly(
                "12:00:01.120Z  exited with code 1 before it was ready after 120ms",
                "12:00:05.000Z  failed its liveness check: HTTP 500 after 4.00s");
    }

    @Test
    void aStepsMessageIsItsWholeHeadline() {
        assertThat(new Failure("schema", new Cause.StepFailed("schema: database app has 4 tables; not applying it."))
                .headline()).isEqualTo("schema failed: schema: database app has 4 tables; not applying it.");
    }

    @Test
    void aProbeThatNeverAnsweredSaysSo() {
        assertThat(new Cause.NotReady(Duration.ofSeconds(30), 1, "tcp 127.0.0.1:5432", "").reason())
                .isEqualTo("not ready within its ready.timeout of 30.00s (1 attempt); the last probe (tcp 127.0.0.1:5432)"
                        + " said: no attempt finished");
    }
}
