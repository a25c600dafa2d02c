package dev.muster.probe;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Watches a ready service: one probe attempt per period, until the process exits, watching is
 * cancelled, or {@code failures} attempts in a row failed. Between attempts it waits on the exit
 * and cancel futures, so an exit is seen at once and an idle service costs no CPU.
 */
public final class LivenessWatcher {

    /** How watching ended; {@code lastResult} is the failing result for {@link Outcome#DEAD}. */
    public record Verdict(Outcome outcome, ProbeResult lastResult) {
    }

    /** The ways watching can end. */
    public enum Outcome { EXITED, CANCELLED, DEAD, INTERRUPTED }

    /**
     * @param interrupt completes when the service is to be restarted for another reason
     * @param onFailure told about each failed attempt (for metrics and status), with the count in a row
     */
    public Verdict watch(Probe probe, Duration period, Duration timeout, int failures, CompletableFuture<?> exited,
                         CompletableFuture<?> cancel, CompletableFuture<?> interrupt, Consumer<ProbeResult> onFailure) {
        CompletableFuture<Object> wake = CompletableFuture.anyOf(exited, cancel, interrupt);
        int inARow = 0;
        while (true) {
            if (waitFor(wake, period)) {
                return new Verdict(ended(exited, cancel), null);
            }
            ProbeResult result = probe.check(timeout);
            if (result.ready()) {
                inARow = 0;
                continue;
            }
            inARow++;
            onFailure.accept(result);
            if (inARow >= failures && !wake.isDone()) {
                return new Verdict(Outcome.DEAD, result);
            }
        }
    }

    /** Why watching ended, for a woken watcher: cancel first, then exit, then the interrupt. */
    public static Outcome ended(CompletableFuture<?> exited, CompletableFuture<?> cancel) {
        if (cancel.isDone()) {
            return Outcome.CANCELLED;
        }
        return exited.isDone() ? Outcome.EXITED : Outcome.INTERRUPTED;
    }

    /** True when {@code wake} completed within {@code max}. */
    private static boolean waitFor(CompletableFuture<Object> wake, Duration max) {
        try {
            wake.get(max.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
