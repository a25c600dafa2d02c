package dev.muster.export;

import java.time.Duration;

/** Durations as Compose writes them: {@code 30s}, {@code 250ms}. */
public final class Durations {
    private Durations() {
    }

    public static String compose(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** Whole seconds, rounded up, at least {@code min}: Kubernetes counts probe settings in seconds. */
    public static int seconds(Duration duration, int min) {
        long seconds = (duration.toMillis() + 999) / 1000;
        return (int) Math.max(min, Math.min(Integer.MAX_VALUE, seconds));
    }
}
