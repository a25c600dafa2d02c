package dev.muster.profile;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * When and how a service is restarted after it exits or fails its liveness check.
 *
 * @param policy  no (default), on-failure (non-zero exit or liveness failure), always
 * @param max     restarts allowed within {@code window} before it is a crash loop (default 5)
 * @param window  the sliding window {@code max} counts in (default 5m)
 * @param initial the first backoff (default 1s); doubled per restart, 0-10 % jitter added
 * @param maxBackoff the backoff ceiling (default 30s); staying ready this long resets the backoff
 */
public record RestartSpec(Policy policy, int max, Duration window, Duration initial, Duration maxBackoff) {
    public static final int DEFAULT_MAX = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    public static final Duration DEFAULT_INITIAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

    public RestartSpec {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
    }

    /** Never restart. */
    public static RestartSpec never() {
        return new RestartSpec(Policy.NO, DEFAULT_MAX, DEFAULT_WINDOW, DEFAULT_INITIAL, DEFAULT_MAX_BACKOFF);
    }

    /** The restart policies of DESIGN.md. */
    public enum Policy {
        NO, ON_FAILURE, ALWAYS;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
