package dev.muster.probe;

import dev.muster.profile.LiveSpec;
import dev.muster.profile.ReadySpec;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Poller} repeats a probe. Readiness and liveness use the same probes with different
 * settings.
 *
 * @param startPeriod failures during this time after polling began count for nothing: they do not
 *                    end readiness (even a fatal one) and do not count towards {@code failures}
 * @param interval    the pause between two attempts
 * @param deadline    how long polling may last in all; null for no deadline (liveness)
 * @param attempt     the longest one attempt may take
 * @param failures    failed attempts in a row that end liveness polling (at least 1)
 * @param slowest     the longest pause readiness polling backs off to: after waiting W, it pauses
 *                    W/10 (so a service is seen ready within 10 % of its start time), never less than
 *                    {@code interval} nor more than this; equal to {@code interval} for a fixed pace
 */
public record PollSettings(Duration startPeriod, Duration interval, Duration deadline, Duration attempt, int failures,
                           Duration slowest) {
    /** How far a default readiness interval backs off while a service takes long to start. */
    public static final Duration DEFAULT_SLOWEST = Duration.ofSeconds(1);

    /** The longest one readiness attempt may take, whatever the time left. */
    public static final Duration MAX_READY_ATTEMPT = Duration.ofSeconds(5);

    public PollSettings {
        Objects.requireNonNull(startPeriod, "startPeriod");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(attempt, "attempt");
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        slowest = slowest == null || slowest.compareTo(interval) < 0 ? interval : slowest;
    }

    /** At a fixed pace: every {@code interval}. */
    public PollSettings(Duration startPeriod, Duration interval, Duration deadline, Duration attempt, int failures) {
        this(startPeriod, interval, deadline, attempt, failures, interval);
    }

    /** The pause before the next readiness attempt, after waiting {@code waited}. */
    public Duration pauseAfter(Duration waited) {
        Duration tenth = waited.dividedBy(10);
        return tenth.compareTo(interval) < 0 ? interval : tenth.compareTo(slowest) > 0 ? slowest : tenth;
    }

    /** A ready probe: every {@code interval} until {@code timeout}, after {@code start_period}. */
    public static PollSettings readiness(ReadySpec ready) {
        Duration slowest = ready.interval().equals(ReadySpec.DEFAULT_INTERVAL) ? DEFAULT_SLOWEST : ready.interval();
        return new PollSettings(ready.startPeriod(), ready.interval(), ready.timeout(), MAX_READY_ATTEMPT, 1, slowest);
    }

    /** A live probe: every {@code period} with its own attempt timeout until {@code failures} in a row. */
    public static PollSettings liveness(LiveSpec live) {
        return new PollSettings(Duration.ZERO, live.period(), null, live.timeout(), live.failures());
    }
}
