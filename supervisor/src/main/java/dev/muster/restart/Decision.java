package dev.muster.restart;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Whether a service that just ended is restarted, typed: callers switch on {@link #verdict()},
 * and {@link #why()} only renders it.
 *
 * @param verdict  restart, or why not
 * @param delay    the backoff before the next launch (zero when not restarting)
 * @param policy   the service's restart policy
 * @param restarts the restarts counted in the window when deciding
 * @param max      restart.max
 * @param window   restart.window
 * @param history  the runs that ended so far, oldest first (for crash-loop reports)
 */
public record Decision(Verdict verdict, Duration delay, dev.muster.profile.RestartSpec.Policy policy, int restarts,
                       int max, Duration window, List<Attempt> history) {

    /** What was decided. */
    public enum Verdict {
        /** Launch again after {@code delay}. */
        RESTART,
        /** The policy does not restart this ending ({@code no}, or a clean exit under {@code on-failure}). */
        POLICY,
        /** More than {@code max} restarts within {@code window}: give up and report. */
        CRASH_LOOP
    }

    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(delay, "delay");
        history = List.copyOf(history);
    }

    public boolean restart() {
        return verdict == Verdict.RESTART;
    }

    /** Whether giving up is because the restarts ran out, not because of the policy. */
    public boolean crashLoop() {
        return verdict == Verdict.CRASH_LOOP;
    }

    /** "crash loop: 5 restarts within 5m (restart.max is 5)", "its restart policy is no"; "" for a restart. */
    public String why() {
        return switch (verdict) {
            case RESTART -> "";
            case POLICY -> "its restart policy is " + policy.yamlName();
            case CRASH_LOOP -> dev.muster.status.Cause.CrashLoop.summary(restarts, window, max);
        };
    }
}
