package dev.muster.logs;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes a service's lines to its {@link RotatingLogFile} and survives write errors: after a
 * failure (ENOSPC, say) it drops lines, counting their bytes, and tries the file again at the
 * first write after a backoff (1 s, doubling up to 30 s); once a write succeeds it first records
 * in the file how much is missing. Tells {@code notices} once when the file fails and once when
 * it recovers. Not thread-safe; {@link ServiceLog} serialises calls.
 */
final class LogFileWriter implements AutoCloseable {
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final RotatingLogFile file;
    private final java.nio.file.Path path;
    private final Clock clock;
    private final Consumer<String> notices;
    private FileProblem problem;
    private Duration backoff = FIRST_BACKOFF;
    private long droppedTotal;

    LogFileWriter(RotatingLogFile file, java.nio.file.Path path, Clock clock, Consumer<String> notices) {
        this.file = file;
        this.path = path;
        this.clock = clock;
        this.notices = notices;
    }

    void write(String line) {
        byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        write(bytes, 0, bytes.length);
    }

    /** Writes the line {@code bytes[from, to)}, or counts it as dropped while the file is failing. */
    void write(byte[] bytes, int from, int to) {
        if (problem != null && clock.instant().isBefore(problem.retryAt())) {
            drop(to - from + 1L);
            return;
        }
        try {
            if (problem != null) {
                file.write("muster: " + problem.droppedBytes() + " bytes of output are missing here (" + problem.error()
                        + " from " + problem.since() + " to " + clock.instant() + ")");
            }
            file.write(bytes, from, to);
            if (problem != null) {
                file.flush();
                recovered();
            }
        } catch (IOException e) {
            failed(e, to - from + 1L);
        }
    }

    /** The output paused: writes out what is buffered (see {@link RotatingLogFile#idle}); a failure counts like a failed write. */
    void flush() {
        if (problem != null) {
            return;
        }
        try {
            file.idle();
        } catch (IOException e) {
            failed(e, 0);
        }
    }

    Optional<FileProblem> problem() {
        return Optional.ofNullable(problem);
    }

    /** Bytes of output the file never got, over the whole run. */
    long droppedTotal() {
        return droppedTotal;
    }

    private void failed(IOException e, long lineBytes) {
        long lost = file.discard() + lineBytes;
        Instant now = clock.instant();
        String error = e.getMessage() == null ? e.toString() : e.getMessage();
        if (problem == null) {
            backoff = FIRST_BACKOFF;
            problem = new FileProblem(path, error, now, 0, now.plus(backoff));
            notices.accept("writing " + path + " failed (" + error + "); its lines go to the console and the tail only,"
                    + " and muster tries the file again every " + backoff.toSeconds() + "-" + MAX_BACKOFF.toSeconds()
                    + " s. Free space on that disk, or set a smaller log.max_size/keep.");
        } else {
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            problem = new FileProblem(path, error, problem.since(), problem.droppedBytes(), now.plus(backoff));
        }
        drop(lost);
    }

    private void drop(long bytes) {
        droppedTotal += bytes;
        problem = new FileProblem(path, problem.error(), problem.since(), problem.droppedBytes() + bytes, problem.retryAt());
    }

    private void recovered() {
        notices.accept("writing " + path + " works again; " + problem.droppedBytes() + " bytes of output are missing from it");
        problem = null;
        backoff = FIRST_BACKOFF;
    }

    @Override
    public void close() throws IOException {
        if (problem == null) {
            file.close();
        } else {
            file.discard();
            file.close();
        }
    }
}
