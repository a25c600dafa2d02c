package dev.muster.status;

import java.time.Duration;

/** Formats durations for people: "840ms", "3.41s", "2m05s". */
public final class Durations {
    private Durations() {
    }

    public static String format(Duration d) {
        if (d == null) {
            return "-";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format("%.2fs", ms / 1000.0);
        }
        return String.format("%dm%02ds", ms / 60_000, (ms / 1000) % 60);
    }
}
