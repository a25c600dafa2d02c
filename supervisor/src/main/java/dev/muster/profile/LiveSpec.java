package dev.muster.profile;

import java.time.Duration;
import java.util.Objects;

/**
 * A liveness check, run after the service is ready: after {@code failures} consecutive failed
 * attempts the service is restarted if its restart policy allows, otherwise it has failed.
 *
 * @param probe       the check (any probe kind)
 * @param period      between two attempts (default 10s)
 * @param timeout     the longest one attempt may take (default 5s)
 * @param failures    consecutive failures that count as dead (default 3)
 */
public record LiveSpec(ProbeSpec probe, Duration period, Duration timeout, int failures) {
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_FAILURES = 3;

    public LiveSpec {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(timeout, "timeout");
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
    }
}
