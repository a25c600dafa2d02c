package dev.muster.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code lock:}: one supervisor per data volume. muster holds an exclusive lock on {@code path} for
 * its whole run; a second muster on the same path waits up to {@code timeout}, saying who holds it,
 * then exits 3.
 *
 * @param path    the lock file (created if missing), e.g. {@code ${DATA_DIR}/.muster.lock}
 * @param timeout how long a second muster waits for it (default {@value #DEFAULT_TIMEOUT_SECONDS} s; 0 = not at all)
 */
public record LockSpec(Path path, Duration timeout) {
    /** The default wait: long enough for the previous container of a redeploy to stop. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    public LockSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(timeout, "timeout");
    }
}
