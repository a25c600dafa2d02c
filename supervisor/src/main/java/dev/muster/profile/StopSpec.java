package dev.muster.profile;

import dev.muster.process.Signal;
import java.time.Duration;
import java.util.Objects;

/**
 * How a service is stopped: {@code signal} to its whole process group, then after {@code timeout}
 * SIGKILL to the group.
 *
 * @param signal  default TERM, and INT for a service whose command is {@code postgres}
 * @param timeout default 10s
 */
public record StopSpec(Signal signal, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public StopSpec {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(timeout, "timeout");
    }

    public static StopSpec defaults() {
        return new StopSpec(Signal.TERM, DEFAULT_TIMEOUT);
    }
}
