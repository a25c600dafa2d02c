package dev.muster.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Repeats a probe until it passes, the deadline passes, the process exits, the probe reports a
 * fatal result, or waiting is cancelled. Between attempts it waits on the exit and cancel futures (and the probe's own
 * change signal) rather than sleeping, so an exit or a matching log line is seen at once.
 */
public final class ReadinessWaiter {
    /** The longest one attempt may take, whatever the remaining time. */
    static final Duration MAX_ATTEMPT = Duration.ofSeconds(5);

    private final Clock clock;

    public ReadinessWaiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param probe    the check
     * @param timeout  the deadline, counted from now
     * @param interval the pause between attempts
     * @param exited   completes when the process exits
     * @param cancel   completes when waiting should stop
     */
    public Readiness await(Probe probe, Duration timeout, Duration interval,
                           CompletableFuture<?> exited, CompletableFuture<?> cancel) {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        ProbeResult last = null;
        int attempts = 0;
        CompletableFuture<Object> wake = CompletableFuture.anyOf(exited, cancel, probe.changed());
        while (true) {
            if (cancel.isDone()) {
                return new Readiness(Readiness.Outcome.CANCELLED, since(start), last, attempts);
            }
            if (exited.isDone()) {
                return new Readiness(Readiness.Outcome.EXITED, since(start), last, attempts);
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return new Readiness(Readiness.Outcome.TIMED_OUT, since(start), last, attempts);
            }
            ProbeResult result = probe.check(left.compareTo(MAX_ATTEMPT) < 0 ? left : MAX_ATTEMPT);
            attempts++;
            if (result.ready() || last == null || clock.instant().isBefore(deadline)) {
                last = result;
            }
            if (result.ready() && !exited.isDone()) {
                return new Readiness(Readiness.Outcome.READY, since(start), last, attempts);
            }
            if (result.fatal()) {
                return new Readiness(Readiness.Outcome.FAILED, since(start), result, attempts);
            }
            pause(wake, probe.pushesChanges() ? timeout : interval, Duration.between(clock.instant(), deadline));
        }
    }

    private static void pause(CompletableFuture<Object> wake, Duration interval, Duration left) {
        Duration wait = left.compareTo(interval) < 0 ? left : interval;
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            wake.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Time for the next attempt.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Duration since(Instant start) {
        return Duration.between(start, clock.instant());
    }
}
