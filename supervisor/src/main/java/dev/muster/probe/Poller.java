package dev.muster.probe;

import dev.muster.process.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Repeats one probe with {@link PollSettings}: the waiting side of every probe (readiness,
 * liveness, external services, {@code reproduce}'s health check). Time comes only from the
 * injected clock and sleeper. A process exit is never a probe: callers pass it in {@code wake}.
 */
public final class Poller {
    /** How close to the deadline a failed attempt given the rest of the time counts as cut short by it. */
    private static final Duration CUT_SHORT_SLACK = Duration.ofMillis(50);

    private final Clock clock;
    private final Sleeper sleeper;

    public Poller(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Until the probe passes, the deadline passes, a fatal result after the start period, or {@code wake}.
     *
     * @param onResult told about every attempt as it finishes (for {@code /status} and metrics)
     */
    public PollOutcome untilPasses(Probe probe, PollSettings settings, CompletableFuture<?> wake,
                                   Consumer<ProbeResult> onResult) {
        Instant start = clock.instant();
        Instant deadline = settings.deadline() == null ? Instant.MAX : start.plus(settings.deadline());
        Instant settled = start.plus(settings.startPeriod());
        CompletableFuture<Object> wakeOrChange = CompletableFuture.anyOf(wake, probe.changed());
        ProbeResult last = null;
        int attempts = 0;
        while (true) {
            if (wake.isDone()) {
                return outcome(PollOutcome.Ending.WOKEN, last, attempts, start);
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return outcome(PollOutcome.Ending.TIMED_OUT, last, attempts, start);
            }
            Duration allowed = shorter(left, settings.attempt());
            ProbeResult result = probe.check(allowed);
            attempts++;
            Instant now = clock.instant();
            boolean counts = !now.isBefore(settled);
            if (last == null || result.ready() || counts && !cutShort(result, allowed, left, now, deadline)) {
                last = result;
            }
            onResult.accept(result);
            if (result.ready() && !wake.isDone()) {
                return outcome(PollOutcome.Ending.PASSED, result, attempts, start);
            }
            if (result.fatal() && counts) {
                return outcome(PollOutcome.Ending.FATAL, result, attempts, start);
            }
            Duration pause = probe.pushesChanges() && !clock.instant().isBefore(settled) ? left
                    : settings.pauseAfter(Duration.between(start, clock.instant()));
            sleeper.sleep(shorter(pause, Duration.between(clock.instant(), deadline)), wakeOrChange);
        }
    }

    /**
     * Until {@code failures} attempts in a row failed (after the start period), or {@code wake}.
     * The first attempt comes one interval after the call.
     */
    public PollOutcome untilFails(Probe probe, PollSettings settings, CompletableFuture<?> wake,
                                  Consumer<ProbeResult> onResult) {
        Instant start = clock.instant();
        Instant settled = start.plus(settings.startPeriod());
        ProbeResult last = null;
        int attempts = 0;
        int inARow = 0;
        while (true) {
            if (sleeper.sleep(settings.interval(), wake)) {
                return outcome(PollOutcome.Ending.WOKEN, last, attempts, start);
            }
            ProbeResult result = probe.check(settings.attempt());
            attempts++;
            last = result;
            onResult.accept(result);
            inARow = result.ready() || clock.instant().isBefore(settled) ? 0 : inARow + 1;
            if (inARow >= settings.failures() && !wake.isDone()) {
                return outcome(PollOutcome.Ending.FAILING, result, attempts, start);
            }
        }
    }

    /**
     * Whether a failed attempt was cut short by the deadline: it was given only the rest of the time
     * and ended as that ran out (a socket timeout fires a little early as often as late). What it
     * says, "did not answer in time", is then the deadline's doing rather than the service's, and
     * the attempt before it stays the one reported.
     */
    private static boolean cutShort(ProbeResult result, Duration allowed, Duration left, Instant now, Instant deadline) {
        return !result.ready() && (!now.isBefore(deadline)
                || allowed.equals(left) && !now.isBefore(deadline.minus(CUT_SHORT_SLACK)));
    }

    private PollOutcome outcome(PollOutcome.Ending ending, ProbeResult last, int attempts, Instant start) {
        return new PollOutcome(ending, last, attempts, Duration.between(start, clock.instant()));
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
