package dev.muster.restart;

import dev.muster.status.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One run of a service that ended: when it ended, how, and how long it had lived.
 *
 * @param endedAt when the run ended
 * @param cause   how it ended, typed ({@link Cause#brief()} words it: "exited with code 1")
 * @param lived   from launch to the end of the run
 * @param failure whether the run ended in a failure (non-zero exit, liveness or readiness failure)
 */
public record Attempt(Instant endedAt, Cause cause, Duration lived, boolean failure) {
    public Attempt {
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(lived, "lived");
    }
}
