package dev.muster.restart;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One run of a service that ended: when it ended, how, and how long it had lived.
 *
 * @param endedAt when the run ended
 * @param how     "exited with code 1", "killed by SIGKILL (exit 137)", "failed its liveness check: ..."
 * @param lived   from launch to the end of the run
 * @param failure whether the run ended in a failure (non-zero exit, liveness or readiness failure)
 */
public record Attempt(Instant endedAt, String how, Duration lived, boolean failure) {
    public Attempt {
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(lived, "lived");
    }
}
