package dev.muster.supervisor;

import dev.muster.logs.ServiceLog;
import dev.muster.preflight.ResolvedService;
import dev.muster.probe.LivenessWatcher;
import dev.muster.probe.Probe;
import dev.muster.probe.Readiness;
import dev.muster.probe.ReadinessWaiter;
import dev.muster.process.Workload;
import dev.muster.profile.LiveSpec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Watches one run of a service: first until it is ready, then while it runs. Reports what it saw;
 * the {@link ServiceUnit} decides what follows.
 */
final class RunObserver {
    private final ResolvedService service;
    private final ServiceLog log;
    private final UnitContext context;
    private final CompletableFuture<Void> cancel;

    RunObserver(ResolvedService service, ServiceLog log, UnitContext context, CompletableFuture<Void> cancel) {
        this.service = service;
        this.log = log;
        this.context = context;
        this.cancel = cancel;
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

    /** Watches a ready service until it exits, fails its liveness check, or muster stops it. */
    LivenessWatcher.Verdict supervise(Workload running) {
        LiveSpec live = service.spec().live();
        if (live == null) {
            CompletableFuture.anyOf(running.exit(), cancel).exceptionally(e -> null).join();
            return new LivenessWatcher.Verdict(cancel.isDone() ? LivenessWatcher.Outcome.CANCELLED
                    : LivenessWatcher.Outcome.EXITED, null);
        }
        try (Probe probe = context.probe(live.probe(), "live", service, log)) {
            return new LivenessWatcher().watch(probe, live.period(), live.timeout(), live.failures(),
                    running.exit(), cancel, result -> context.console().line(service.name(),
                            "liveness check failed: " + result.detail()));
        }
    }
}
