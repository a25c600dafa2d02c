package dev.muster.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.muster.logs.FileProblem;
import dev.muster.secret.Redactor;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Why a service's {@code log:} file is not being written right now (a full disk, say), as
 * {@code /status}, the boot record and the dashboard carry it. Computed from the service's log
 * each time a report is made, so it disappears as soon as the file works again. Instants are
 * ISO-8601 strings (UTC).
 *
 * @param file         the log file
 * @param error        the operating system's message (redacted)
 * @param since        when writing first failed
 * @param droppedBytes bytes of output the file has not received since then
 * @param retryAt      when muster tries the file again
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LogFileReport(String file, String error, String since, long droppedBytes, String retryAt) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public LogFileReport {
        Objects.requireNonNull(file, "file");
        error = error == null ? "" : error;
    }

    static LogFileReport of(FileProblem problem, Redactor redactor) {
        return new LogFileReport(problem.file().toString(), redactor.redact(problem.error()), problem.since().toString(),
                problem.droppedBytes(), problem.retryAt().toString());
    }

    /** One line for {@code muster status}: what is wrong, since when, what is lost, what to do. */
    public String sentence(ZoneId zone) {
        return "log file " + file + " not written since " + time(since, zone) + " (" + error + "); "
                + droppedBytes + " bytes of output not in it, next try at " + time(retryAt, zone)
                + ". Output still reaches the console and the tail; free space on that disk, or set a smaller"
                + " log.max_size/keep.";
    }

    private static String time(String instant, ZoneId zone) {
        return instant == null ? "?" : TIME.format(Instant.parse(instant).atZone(zone));
    }
}
