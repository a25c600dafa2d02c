package dev.muster.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The stop protocol every {@link Workload} follows: its stop signal, up to its timeout to end,
 * then SIGKILL and a short grace for the kernel to deliver it.
 */
public final class StopSequence {
    /** How long to wait for the exit after SIGKILL. */
    static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private StopSequence() {
    }

    /**
     * @param exit completes when the workload has ended
     * @param send delivers a signal to the workload (its process group, or its container)
     * @return whether SIGKILL was needed
     */
    public static boolean run(CompletableFuture<?> exit, Consumer<Signal> send, Signal signal, Duration timeout) {
        if (exit.isDone()) {
            return false;
        }
        send.accept(signal);
        if (awaitExit(exit, timeout)) {
            return false;
        }
        send.accept(Signal.KILL);
        awaitExit(exit, KILL_GRACE);
        return true;
    }

    /** Waits up to {@code timeout} for {@code exit}; true when it has completed. */
    public static boolean awaitExit(CompletableFuture<?> exit, Duration timeout) {
        try {
            exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return exit.isDone();
        }
    }
}
