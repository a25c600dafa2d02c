package dev.muster.profile;

import java.time.Duration;
import java.util.Objects;

/**
 * How muster decides that a service is ready.
 *
 * @param probe       the check; null means ready as soon as the process is started
 * @param timeout     the service's own startup deadline, counted from its launch (default 60s)
 * @param interval    pause between two attempts (default 25ms, so readiness is seen within 50 ms)
 * @param startPeriod failures during this time after launch are not reported as the last error (default 0)
 */
public record ReadySpec(ProbeSpec probe, Duration timeout, Duration interval, Duration startPeriod) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(25);

    public ReadySpec {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(startPeriod, "startPeriod");
    }

    /** Ready as soon as started. */
    public static ReadySpec whenStarted() {
        return new ReadySpec(null, DEFAULT_TIMEOUT, DEFAULT_INTERVAL, Duration.ZERO);
    }

    public boolean hasProbe() {
        return probe != null;
    }
}
