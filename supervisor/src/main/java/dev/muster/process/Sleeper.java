package dev.muster.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way muster waits: for a duration, or less when {@code wake} completes first (a process
 * exit, a stop request, a log line). Injected with a {@link java.time.Clock}, so tests replace both
 * and a two-minute backoff takes milliseconds. Waiting never polls: an idle supervisor uses no CPU.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits up to {@code max}, returning early when {@code wake} completes (normally or not).
     *
     * @return true when {@code wake} is complete on return
     */
    boolean sleep(Duration max, CompletableFuture<?> wake);

    /** Waits until {@code wake} completes, however long that takes. */
    default void await(CompletableFuture<?> wake) {
        while (!sleep(Duration.ofDays(1), wake)) {
            // A day passed; keep waiting.
        }
    }

    /** Real time: blocks the calling thread on the future. */
    static Sleeper system() {
        return (max, wake) -> {
            if (!max.isNegative() && !max.isZero()) {
                try {
                    wake.get(max.toNanos(), TimeUnit.NANOSECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // Time is up, or wake failed: either way the wait is over.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
            return wake.isDone();
        };
    }
}
