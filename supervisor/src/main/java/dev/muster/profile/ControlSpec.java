package dev.muster.profile;

import java.util.Objects;

/**
 * The control plane.
 *
 * @param listen host:port of the HTTP server (default 127.0.0.1:7860)
 * @param tail   how many log lines a failure report shows (default 50)
 */
public record ControlSpec(String listen, int tail) {
    public static final String DEFAULT_LISTEN = "127.0.0.1:7860";
    public static final int DEFAULT_TAIL = 50;

    public ControlSpec {
        Objects.requireNonNull(listen, "listen");
        if (tail < 0) {
            throw new IllegalArgumentException("tail must not be negative");
        }
    }

    public static ControlSpec defaults() {
        return new ControlSpec(DEFAULT_LISTEN, DEFAULT_TAIL);
    }
}
