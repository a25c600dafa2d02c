package dev.muster.probe;

import java.util.Objects;

/**
 * The outcome of one probe attempt.
 *
 * @param ready  whether the check passed
 * @param detail what was seen, for reports: "connection refused", "HTTP 503", "exit code 2: ..."
 * @param fatal  whether the check can never pass by waiting (wrong password, unknown database);
 *               readiness waiting ends at once; never true when ready
 */
public record ProbeResult(boolean ready, String detail, boolean fatal) {
    public ProbeResult {
        Objects.requireNonNull(detail, "detail");
        if (ready && fatal) {
            throw new IllegalArgumentException("a result cannot be both ready and fatal");
        }
    }

    public ProbeResult(boolean ready, String detail) {
        this(ready, detail, false);
    }

    public static ProbeResult ready(String detail) {
        return new ProbeResult(true, detail, false);
    }

    public static ProbeResult notYet(String detail) {
        return new ProbeResult(false, detail, false);
    }

    /** Not ready, and waiting will not change that: {@code detail} says what is wrong and what to do. */
    public static ProbeResult fatal(String detail) {
        return new ProbeResult(false, detail, true);
    }
}
