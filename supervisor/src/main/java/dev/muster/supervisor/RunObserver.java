package dev.muster.supervisor;

import dev.muster.logs.ServiceLog;
import dev.muster.preflight.ResolvedService;
import dev.muster.probe.LivenessWatcher;
import dev.muster.probe.Probe;
import dev.muster.probe.Readiness;
import dev.muster.probe.ReadinessWaiter;
import dev.muster.process.ExitStatus;
import dev.muster.process.Workload;
import dev.muster.profile.LiveSpec;
import dev.muster.restart.Attempt;
import dev.muster.status.Durations;
import dev.muster.status.Failure;
import dev.muster.status.ServiceState;
import java.time.Instant;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches one run of a service: until it is ready, then while it runs, and says how the run
 * ended. The {@link ServiceUnit} decides what follows (restart, report, stop).
 */
final class RunObserver {
    private final ResolvedService service;
    private final ServiceLog log;
    private final UnitContext context;
    private final CompletableFuture<Void> cancel;
    private final ServiceUnit unit;
    private final UnitState state;
    private final AtomicReference<CompletableFuture<String>> restartRequest =
            new AtomicReference<>(new CompletableFuture<>());
    private boolean readyBefore;

    RunObserver(ServiceUnit unit, UnitState state, ServiceLog log, UnitContext context, CompletableFuture<Void> cancel) {
        this.unit = unit;
        this.state = state;
        ResolvedService service = unit.service();
        this.service = service;
        this.log = log;
        this.context = context;
        this.cancel = cancel;
    }

    /**
     * How one run ended: the attempt for the restart tracker, the failure to report if it ends here,
     * or the dependency whose restart asked for this one (then neither counts).
     */
    record RunEnd(Attempt attempt, Duration readyFor, Failure failure, String requestedBy) {
    }

    /** Asks the current run, if ready, to end because {@code dependency} restarted. */
    void requestRestart(String dependency) {
        restartRequest.get().complete(dependency);
    }

    /** Runs a launched service to the end of this run; null when muster is stopping it. */
    RunEnd run(Workload running, Probe probe) {
        Readiness readiness = awaitReady(running, probe);
        switch (readiness.outcome()) {
            case CANCELLED:
                return null;
            case TIMED_OUT:
                Failure late = Reasons.notReady(service, probe.describe(), readiness);
                return end("not ready within " + Durations.format(service.spec().ready().timeout()), running, null, late, true);
            case FAILED:
                Failure fatal = Reasons.probeFailed(service, probe.describe(), readiness);
                return end("its ready probe failed for good", running, null, fatal, true);
            case EXITED:
                if (unit.isStopping()) {
                    return null;
                }
                clearGroup(running);
                ExitStatus early = running.exit().join();
                return end(early.describe() + " before it was ready", running, null,
                        Reasons.exitedBeforeReady(service, early, running.runtime(), readiness), !early.success());
            default:
                return ready(running, readiness);
        }
    }

    private RunEnd ready(Workload running, Readiness readiness) {
        String detail = readiness.lastResult() == null ? "started (no ready probe)" : readiness.lastResult().detail();
        context.console().line(service.name(), "ready in " + Durations.format(running.runtime()) + " (" + detail + ")");
        CompletableFuture<String> request = new CompletableFuture<>();
        restartRequest.set(request);
        state.ready(ServiceState.READY, detail);
        if (readyBefore) {
            context.events().readyAgain(unit);
        }
        readyBefore = true;
        Instant readyAt = context.clock().instant();
        LivenessWatcher.Verdict verdict = supervise(running, request);
        if (verdict.outcome() == LivenessWatcher.Outcome.CANCELLED || unit.isStopping()) {
            return null;
        }
        if (verdict.outcome() == LivenessWatcher.Outcome.INTERRUPTED) {
            return new RunEnd(null, Duration.ZERO, null, request.join());
        }
        if (verdict.outcome() == LivenessWatcher.Outcome.DEAD) {
            Failure dead = Reasons.notLive(service, verdict.lastResult().detail());
            return end("failed its liveness check: " + verdict.lastResult().detail(), running, readyAt, dead, true);
        }
        clearGroup(running);
        ExitStatus status = running.exit().join();
        return end(status.describe(), running, readyAt, Reasons.exitedAfterReady(service, status, running.runtime()),
                !status.success());
    }

    /**
     * After the main process of a run ended: kills what it left in its process group (a child that
     * would hold the port or the output pipe of the next run), then drains the output, so the
     * report's tail is complete.
     */
    static void clearGroup(Workload running) {
        running.stop(dev.muster.process.Signal.KILL, Duration.ZERO);
    }

    /** @param failed false for a clean exit (code 0), which only the {@code always} policy restarts */
    private RunEnd end(String how, Workload running, Instant readyAt, Failure failure, boolean failed) {
        Instant now = context.clock().instant();
        Duration readyFor = readyAt == null ? Duration.ZERO : Duration.between(readyAt, now);
        return new RunEnd(new Attempt(now, how, running.runtime(), failed), readyFor, failure, null);
    }

    /**
     * The readiness probe of the next run, or null when the service has none. Created before the
     * launch, so that a {@code log} probe sees a ready line printed the moment the service starts.
     */
    Probe readinessProbe() {
        return service.spec().ready().hasProbe() ? context.probe(service.spec().ready().probe(), "ready", service, log) : null;
    }

    /** Waits for readiness with the probe from {@link #readinessProbe()}, and closes it. */
    Readiness awaitReady(Workload running, Probe probe) {
        if (probe == null) {
            return new Readiness(running.isAlive() ? Readiness.Outcome.READY : Readiness.Outcome.EXITED,
                    Duration.ZERO, null, 0);
        }
        try (probe) {
            return new ReadinessWaiter(context.clock()).await(probe, service.spec().ready().timeout(),
                    service.spec().ready().interval(), running.exit(), cancel);
        }
    }

    /** Watches a ready service until it exits, fails its liveness check, is interrupted, or muster stops it. */
    LivenessWatcher.Verdict supervise(Workload running, CompletableFuture<?> interrupt) {
        LiveSpec live = service.spec().live();
        if (live == null) {
            CompletableFuture.anyOf(running.exit(), cancel, interrupt).exceptionally(e -> null).join();
            return new LivenessWatcher.Verdict(LivenessWatcher.ended(running.exit(), cancel), null);
        }
        try (Probe probe = context.probe(live.probe(), "live", service, log)) {
            return new LivenessWatcher().watch(probe, live.period(), live.timeout(), live.failures(),
                    running.exit(), cancel, interrupt, result -> context.console().line(service.name(),
                            "liveness check failed: " + result.detail()));
        }
    }
}
