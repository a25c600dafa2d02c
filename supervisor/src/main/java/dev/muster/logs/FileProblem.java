package dev.muster.logs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Why a service's {@code log:} file is not being written at the moment (a full disk, a removed
 * directory), for {@code /status}. Output still reaches the console and the in-memory tail.
 *
 * @param file         the log file
 * @param error        the operating system's message, e.g. "No space left on device"
 * @param since        when writing first failed
 * @param droppedBytes bytes of output not written to the file since then
 * @param retryAt      when the next write will try the file again
 */
public record FileProblem(Path file, String error, Instant since, long droppedBytes, Instant retryAt) {
    public FileProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(retryAt, "retryAt");
    }
}
