package dev.muster.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one dump attempt did.
 *
 * @param backup   the backup's name
 * @param trigger  why it ran
 * @param result   written, skipped (nothing to back up) or failed
 * @param at       when it started
 * @param duration how long it took
 * @param file     the dump file's name; null unless written
 * @param size     the dump file's bytes; 0 unless written
 * @param detail   for a failure, why (and what to do); for a skip, why; for a success, what was pruned
 */
public record DumpOutcome(String backup, Trigger trigger, Result result, Instant at, Duration duration, String file,
                          long size, String detail) {
    /** Why a dump ran. */
    public enum Trigger { SCHEDULED, ON_STOP }

    /** What it did. */
    public enum Result { WRITTEN, SKIPPED, FAILED }

    public DumpOutcome {
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(duration, "duration");
        detail = detail == null ? "" : detail;
    }
}
