package dev.muster.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Something muster runs and supervises for a service: a local process group
 * ({@link RunningProcess}) or a container. The supervisor sees only this.
 */
public interface Workload {

    /** The host pid of its main process, or 0 when there is none to show. */
    long pid();

    /** Completes the moment it ends, with how it ended. */
    CompletableFuture<ExitStatus> exit();

    default boolean isAlive() {
        return !exit().isDone();
    }

    /**
     * Stops it: {@code signal}, up to {@code timeout} to end, then SIGKILL. Blocks until it has
     * ended and its output has been read.
     */
    StopResult stop(Signal signal, Duration timeout);

    /**
     * Waits until every line it wrote, on stdout and stderr, has been delivered (both streams
     * ended), or {@code max} passed.
     */
    void awaitOutput(Duration max);

    /**
     * Completes, with the cause, when reading its output failed for good (a reader died): its
     * output no longer reaches the console, tail or log file, which must count as a failure of the
     * service, never as silence. Never completes while output flows; by default never (containers).
     */
    default CompletableFuture<Throwable> outputFailure() {
        return new CompletableFuture<>();
    }

    /** How long it ran: until it ended, or until now while it runs. */
    Duration runtime();

    /**
     * The outcome of {@link #stop}.
     *
     * @param status  how it ended (null only if it survived SIGKILL, which means it is stuck in the kernel)
     * @param forced  whether SIGKILL was needed because the stop signal's timeout passed
     * @param elapsed how long stopping took
     */
    record StopResult(ExitStatus status, boolean forced, Duration elapsed) {
    }
}
