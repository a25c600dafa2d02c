package dev.muster.supervisor;

import dev.muster.logs.ServiceLog;
import dev.muster.preflight.ResolvedService;
import dev.muster.probe.PollOutcome;
import dev.muster.probe.PollSettings;
import dev.muster.probe.Probe;
import dev.muster.probe.ProbeResult;
import dev.muster.process.ExitStatus;
import dev.muster.process.Signal;
import dev.muster.process.Workload;
import dev.muster.profile.LiveSpec;
import dev.muster.restart.Attempt;
import dev.muster.status.Durations;
import dev.muster.status.Cause;
import dev.muster.status.Failure;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One run of a launched service: wait until it is ready, then watch it until it exits, fails its
 * liveness check, is asked to follow a dependency's restart, or muster stops it. Says how the run
 * ended; the {@link ServiceUnit} decides what follows. Readiness and liveness polling run on the
 * calling thread; a ready service without a liveness check is watched by no thread at all (its end
 * is handled on the context's executor when it exits, is stopped, follows or faults).
 */
final class Run {
    private final ResolvedService service;
    private final ServiceLog log;
    private final UnitContext context;
    private final Lifecycle lifecycle;
    private final CompletableFuture<Void> cancel;
    private final CompletableFuture<String> fault;

    /** @param fault completes with a reason when the run must fail from outside (its output reader died) */
    Run(ResolvedService service, ServiceLog log, UnitContext context, Lifecycle lifecycle, CompletableFuture<Void> cancel,
        CompletableFuture<String> fault) {
        this.service = service;
        this.log = log;
        this.context = context;
        this.lifecycle = lifecycle;
        this.cancel = cancel;
        this.fault = fault;
    }

    /** How a run ended. */
    sealed interface End {
        /** muster is stopping the unit. */
        record Cancelled() implements End {
        }

        /** A dependency declared with {@code restart: true} is ready again: stop and start at once. */
        record Follow(String dependency) implements End {
        }

        /** It ended on its own: the attempt for the restart tracker, whose cause is the failure if it ends here. */
        record Over(Attempt attempt, Duration readyFor) implements End {
            Failure failure(String service) {
                return new Failure(service, attempt.cause());
            }
        }
    }

    /**
     * @param probe   the ready probe, created before the launch (null: ready once started); closed here
     * @param follow  completes with a dependency's name when this run should follow its restart
     * @param again   whether the service was ready before (then dependents that follow it restart)
     */
    CompletableFuture<End> run(Workload running, Probe probe, CompletableFuture<String> follow, boolean again) {
        PollOutcome readiness = awaitReady(running, probe);
        if (readiness.ending() == PollOutcome.Ending.PASSED) {
            return ready(running, readiness, follow, again);
        }
        return CompletableFuture.completedFuture(notReady(running, probe, readiness));
    }

    private End notReady(Workload running, Probe probe, PollOutcome readiness) {
        String described = probe == null ? "" : probe.describe();
        switch (readiness.ending()) {
            case TIMED_OUT:
                return over(running, null, new Cause.NotReady(service.spec().ready().timeout(), readiness.attempts(),
                        described, lastDetail(readiness)), true);
            case FATAL:
                return over(running, null, new Cause.ProbeFailed(described, readiness.last().detail()), true);
            default:
                if (cancel.isDone()) {
                    return new End.Cancelled();
                }
                if (fault.isDone() && running.isAlive()) {
                    return faulted(running, null);
                }
                ExitStatus early = clearGroup(running);
                return over(running, null, new Cause.ExitedBeforeReady(early, running.runtime(), lastDetail(readiness)),
                        !early.success());
        }
    }

    private PollOutcome awaitReady(Workload running, Probe probe) {
        if (probe == null) {
            PollOutcome.Ending ending = running.isAlive() ? PollOutcome.Ending.PASSED : PollOutcome.Ending.WOKEN;
            return new PollOutcome(ending, null, 0, Duration.ZERO);
        }
        try (probe) {
            return context.poller().untilPasses(probe, PollSettings.readiness(service.spec().ready()),
                    CompletableFuture.anyOf(running.exit(), cancel, fault), whenChanged(lifecycle));
        }
    }

    /** Applies a probe result to the status only when its detail changed, so /status shows it as it changes. */
    static Consumer<ProbeResult> whenChanged(Lifecycle lifecycle) {
        String[] last = {null};
        return result -> {
            if (!result.detail().equals(last[0])) {
                last[0] = result.detail();
                lifecycle.apply(new UnitEvent.Probed(result));
            }
        };
    }

    private CompletableFuture<End> ready(Workload running, PollOutcome readiness, CompletableFuture<String> follow,
                                         boolean again) {
        String detail = readiness.last() == null ? "started (no ready probe)" : readiness.last().detail();
        log.handOverToConsole();
        context.console().line(service.name(), "ready in " + Durations.format(running.runtime()) + " (" + detail + ")");
        lifecycle.apply(new UnitEvent.Ready(detail, again));
        Instant readyAt = context.clock().instant();
        CompletableFuture<Object> wake = CompletableFuture.anyOf(running.exit(), cancel, follow, fault);
        if (service.spec().live() == null) {
            PollOutcome woken = new PollOutcome(PollOutcome.Ending.WOKEN, null, 0, Duration.ZERO);
            return wake.handle((ok, error) -> woken)
                    .thenApplyAsync(live -> watched(running, readyAt, live, follow), context.executor());
        }
        return CompletableFuture.completedFuture(watched(running, readyAt, watch(wake), follow));
    }

    /** After the watch of a ready service ended: how the run ended. */
    private End watched(Workload running, Instant readyAt, PollOutcome live, CompletableFuture<String> follow) {
        if (cancel.isDone()) {
            return new End.Cancelled();
        }
        if (live.ending() == PollOutcome.Ending.FAILING) {
            return over(running, readyAt, new Cause.NotLive(service.spec().live().failures(), live.last().detail()), true);
        }
        if (running.isAlive() && fault.isDone()) {
            return faulted(running, readyAt);
        }
        if (running.isAlive() && follow.isDone()) {
            return new End.Follow(follow.join());
        }
        ExitStatus status = clearGroup(running);
        return over(running, readyAt, new Cause.ExitedAfterReady(status, running.runtime()), !status.success());
    }

    /** Liveness polling until {@code wake}. */
    private PollOutcome watch(CompletableFuture<Object> wake) {
        LiveSpec live = service.spec().live();
        try (Probe probe = context.probe(live.probe(), "live", service, log)) {
            return context.poller().untilFails(probe, PollSettings.liveness(live), wake, result -> {
                if (!result.ready()) {
                    context.console().line(service.name(), "liveness check failed: " + result.detail());
                }
            });
        }
    }

    /**
     * After the main process of a run ended: kills what it left in its process group (a child that
     * would hold the port or the output pipe of the next run) and drains the output, so the
     * report's tail is complete. Returns how the main process ended.
     */
    static ExitStatus clearGroup(Workload running) {
        running.stop(Signal.KILL, Duration.ZERO);
        return running.exit().join();
    }

    private End faulted(Workload running, Instant readyAt) {
        String why = fault.join();
        return over(running, readyAt, new Cause.OutputUnreadable(why), true);
    }

    /** @param failed false for a clean exit (code 0), which only the {@code always} policy restarts */
    private End over(Workload running, Instant readyAt, Cause cause, boolean failed) {
        Instant now = context.clock().instant();
        Duration readyFor = readyAt == null ? Duration.ZERO : Duration.between(readyAt, now);
        return new End.Over(new Attempt(now, cause, running.runtime(), failed), readyFor);
    }

    /** The last probe result's detail, "" when no attempt finished. */
    static String lastDetail(PollOutcome outcome) {
        return outcome.last() == null ? "" : outcome.last().detail();
    }
}
