package dev.muster.probe;

import java.util.Objects;

/**
 * The outcome of one probe attempt.
 *
 * @param ready  whether the check passed
 * @param detail what was seen, for reports: "connection refused", "HTTP 503", "exit code 2: ..."
 */
public record ProbeResult(boolean ready, String detail) {
    public ProbeResult {
        Objects.requireNonNull(detail, "detail");
    }

    public static ProbeResult ready(String detail) {
        return new ProbeResult(true, detail);
    }

    public static ProbeResult notYet(String detail) {
        return new ProbeResult(false, detail);
    }
}
