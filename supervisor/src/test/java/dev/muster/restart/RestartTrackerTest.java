package dev.muster.restart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.process.ExitStatus;
import dev.muster.profile.RestartSpec;
import dev.muster.status.Cause;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RestartTrackerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void backoffDoublesFromInitialUpToTheCeiling() {
        RestartTracker tracker = tracker(RestartSpec.Policy.ON_FAILURE, 10, 0.0);
        assertThat(tracker.next(failed(), Duration.ZERO).delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(tracker.next(failed(), Duration.ZERO).delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(tracker.next(failed(), Duration.ZERO).delay()).isEqualTo(Duration.ofSeconds(4));
        assertThat(tracker.next(failed(), Duration.ZERO).delay()).isEqualTo(Duration.ofSeconds(8));
        assertThat(tracker.next(failed(), Duration.ZERO).delay()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void jitterAddsAtMostTenPercent() {
        RestartTracker tracker = tracker(RestartSpec.Policy.ON_FAILURE, 10, 0.999);
        assertThat(tracker.next(failed(), Duration.ZERO).delay()).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1100));
    }

    @Test
    void backoffStartsOverAfterARunStayedReadyForTheCeiling() {
        RestartTracker tracker = tracker(RestartSpec.Policy.ON_FAILURE, 10, 0.0);
        tracker.next(failed(), Duration.ZERO);
        tracker.next(failed(), Duration.ZERO);
        assertThat(tracker.next(failed(), Duration.ofSeconds(8)).delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void tooManyRestartsWithinTheWindowIsACrashLoopWithItsHistory() {
        RestartTracker tracker = tracker(RestartSpec.Policy.ON_FAILURE, 2, 0.0);
        assertThat(tracker.next(failed(), Duration.ZERO).restart()).isTrue();
        assertThat(tracker.next(failed(), Duration.ZERO).restart()).isTrue();
        Decision third = tracker.next(failed(), Duration.ZERO);
        assertThat(third.restart()).isFalse();
        assertThat(third.crashLoop()).isTrue();
        assertThat(third.why()).contains("2 restarts within 1m");
        assertThat(third.history()).hasSize(3);
    }

    @Test
    void restartsOlderThanTheWindowNoLongerCount() {
        RestartTracker tracker = tracker(RestartSpec.Policy.ON_FAILURE, 1, 0.0);
        assertThat(tracker.next(failed(), Duration.ZERO).restart()).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(tracker.next(failed(), Duration.ZERO).restart()).isTrue();
    }

    @Test
    void onFailureDoesNotRestartACleanExitButAlwaysDoes() {
        Attempt clean = new Attempt(clock.instant(), new Cause.ExitedAfterReady(new ExitStatus(0), Duration.ofSeconds(1)),
                Duration.ofSeconds(1), false);
        assertThat(tracker(RestartSpec.Policy.ON_FAILURE, 5, 0.0).next(clean, Duration.ZERO).restart()).isFalse();
        assertThat(tracker(RestartSpec.Policy.ALWAYS, 5, 0.0).next(clean, Duration.ZERO).restart()).isTrue();
        Decision no = tracker(RestartSpec.Policy.NO, 5, 0.0).next(failed(), Duration.ZERO);
        assertThat(no.restart()).isFalse();
        assertThat(no.crashLoop()).isFalse();
        assertThat(no.why()).isEqualTo("its restart policy is no");
    }

    private RestartTracker tracker(RestartSpec.Policy policy, int max, double random) {
        RestartSpec spec = new RestartSpec(policy, max, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(8));
        return new RestartTracker(spec, clock, () -> random);
    }

    private Attempt failed() {
        return new Attempt(clock.instant(), new Cause.ExitedAfterReady(new ExitStatus(1), Duration.ofMillis(100)),
                Duration.ofMillis(100), true);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
