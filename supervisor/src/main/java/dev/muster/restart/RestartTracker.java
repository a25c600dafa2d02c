package dev.muster.restart;

import dev.muster.profile.RestartSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Decides, run after run, whether a service is restarted and after which backoff. The backoff
 * starts at {@code initial}, doubles per restart up to {@code max}, gets 0-10 % jitter, and starts
 * over once a run stayed ready for at least {@code max}. More than {@code max} restarts within
 * {@code window} is a crash loop. Not thread-safe: one tracker per service, used by its thread.
 */
public final class RestartTracker {
    private static final double JITTER = 0.10;

    private final RestartSpec spec;
    private final Clock clock;
    private final DoubleSupplier random;
    private final Deque<Instant> restarts = new ArrayDeque<>();
    private final List<Attempt> history = new ArrayList<>();
    private int consecutive;

    /** @param random uniform values in [0, 1), for jitter */
    public RestartTracker(RestartSpec spec, Clock clock, DoubleSupplier random) {
        this.spec = spec;
        this.clock = clock;
        this.random = random;
    }

    /**
     * @param attempt    the run that just ended
     * @param readyFor   how long it had been ready before it ended (zero if it never was)
     */
    public Decision next(Attempt attempt, Duration readyFor) {
        history.add(attempt);
        if (!policyAllows(attempt)) {
            return decided(Decision.Verdict.POLICY, Duration.ZERO);
        }
        Instant now = clock.instant();
        while (!restarts.isEmpty() && restarts.peekFirst().isBefore(now.minus(spec.window()))) {
            restarts.removeFirst();
        }
        if (restarts.size() >= spec.max()) {
            return decided(Decision.Verdict.CRASH_LOOP, Duration.ZERO);
        }
        if (readyFor.compareTo(spec.maxBackoff()) >= 0) {
            consecutive = 0;
        }
        Duration delay = backoff(consecutive++);
        restarts.addLast(now);
        return decided(Decision.Verdict.RESTART, delay);
    }

    private Decision decided(Decision.Verdict verdict, Duration delay) {
        return new Decision(verdict, delay, spec.policy(), restarts.size(), spec.max(), spec.window(), history);
    }

    private boolean policyAllows(Attempt attempt) {
        return switch (spec.policy()) {
            case NO -> false;
            case ON_FAILURE -> attempt.failure();
            case ALWAYS -> true;
        };
    }

    private Duration backoff(int n) {
        long base = spec.initial().toMillis() << Math.min(n, 30);
        long capped = Math.min(base, spec.maxBackoff().toMillis());
        long jitter = (long) (capped * JITTER * random.getAsDouble());
        return Duration.ofMillis(capped + jitter);
    }
}
