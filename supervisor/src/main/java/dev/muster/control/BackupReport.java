package dev.muster.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.muster.backup.BackupStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One backup in a {@link StatusDocument}: its latest dump in this run and its failures. Instants are
 * ISO-8601 strings (UTC), null until they happened; paths are shown as they are.
 *
 * @param name           the key under {@code backups:}
 * @param to             the directory the dumps go to
 * @param lastSuccessAt  when the newest dump written in this run started; null before the first
 * @param lastSize       that dump's size in bytes; 0 before the first
 * @param lastDurationMs how long it took, in milliseconds; 0 before the first
 * @param lastFile       its file name in {@code to}; null before the first
 * @param lastAttemptAt  when the latest attempt started; null before the first
 * @param lastResult     written, skipped or failed; null before the first attempt
 * @param lastDetail     why the latest attempt failed or was skipped, or what it pruned; "" for nothing
 * @param failures       failed attempts in this run
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BackupReport(String name, String to, String lastSuccessAt, long lastSize, long lastDurationMs,
                           String lastFile, String lastAttemptAt, String lastResult, String lastDetail, int failures) {
    public BackupReport {
        lastDetail = lastDetail == null ? "" : lastDetail;
    }

    /** @param redact applied to the detail, which may quote a tool's output */
    static BackupReport of(BackupStatus status, Path to, UnaryOperator<String> redact) {
        return new BackupReport(status.backup(), to == null ? null : to.toString(), text(status.lastSuccessAt()),
                status.lastSize(), status.lastDuration().toMillis(), status.lastFile(), text(status.lastAttemptAt()),
                status.lastResult() == null ? null : status.lastResult().name().toLowerCase(Locale.ROOT),
                redact.apply(status.lastDetail()), status.failures());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
