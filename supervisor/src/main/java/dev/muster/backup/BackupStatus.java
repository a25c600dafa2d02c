package dev.muster.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The state of one backup, for the summary, {@code /status} and {@code /metrics}.
 *
 * @param backup          the backup's name
 * @param lastSuccessAt   when the newest dump written in this run started; null before the first
 * @param lastSize        that dump's bytes; 0 before the first
 * @param lastDuration    how long it took; zero before the first
 * @param lastFile        its file name; null before the first
 * @param lastAttemptAt   when the latest attempt started; null before the first
 * @param lastResult      what the latest attempt did; null before the first
 * @param lastDetail      why it failed or was skipped, or what was pruned
 * @param failures        failed attempts in this run
 */
public record BackupStatus(String backup, Instant lastSuccessAt, long lastSize, Duration lastDuration, String lastFile,
                           Instant lastAttemptAt, DumpOutcome.Result lastResult, String lastDetail, int failures) {
    public BackupStatus {
        Objects.requireNonNull(backup, "backup");
        lastDuration = lastDuration == null ? Duration.ZERO : lastDuration;
        lastDetail = lastDetail == null ? "" : lastDetail;
    }

    static BackupStatus initial(String backup) {
        return new BackupStatus(backup, null, 0, Duration.ZERO, null, null, null, "", 0);
    }

    /** This status after {@code outcome}: a failure or skip never replaces the last success. */
    BackupStatus after(DumpOutcome outcome) {
        boolean written = outcome.result() == DumpOutcome.Result.WRITTEN;
        return new BackupStatus(backup, written ? outcome.at() : lastSuccessAt, written ? outcome.size() : lastSize,
                written ? outcome.duration() : lastDuration, written ? outcome.file() : lastFile, outcome.at(),
                outcome.result(), outcome.detail(), failures + (outcome.result() == DumpOutcome.Result.FAILED ? 1 : 0));
    }
}
