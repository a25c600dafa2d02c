package dev.muster.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
        return run(exit, send, signal, timeout, Sleeper.system());
    }

    /** As {@link #run(CompletableFuture, Consumer, Signal, Duration)}, waiting through {@code sleeper}. */
    public static boolean run(CompletableFuture<?> exit, Consumer<Signal> send, Signal signal, Duration timeout,
                              Sleeper sleeper) {
        if (exit.isDone()) {
            return false;
        }
        send.accept(signal);
        if (awaitExit(exit, timeout, sleeper)) {
            return false;
        }
        send.accept(Signal.KILL);
        awaitExit(exit, KILL_GRACE, sleeper);
        return true;
    }

    /** Waits up to {@code timeout} for {@code exit}; true when it has completed (normally or not). */
    public static boolean awaitExit(CompletableFuture<?> exit, Duration timeout) {
        return awaitExit(exit, timeout, Sleeper.system());
    }

    private static boolean awaitExit(CompletableFuture<?> exit, Duration timeout, Sleeper sleeper) {
        sleeper.sleep(timeout, exit);
        return exit.isDone();
    }
}
