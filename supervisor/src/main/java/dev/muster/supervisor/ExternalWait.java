package dev.muster.supervisor;

import dev.muster.logs.ServiceLog;
import dev.muster.preflight.ResolvedService;
import dev.muster.probe.PollOutcome;
import dev.muster.probe.PollSettings;
import dev.muster.probe.Probe;
import dev.muster.status.Cause;
import dev.muster.status.Durations;
import dev.muster.status.Failure;
import java.util.concurrent.CompletableFuture;

/**
 * The life of a {@code kind: external} unit: no process, only its ready probe, polled with its
 * {@code ready:} settings; ready satisfies its dependents, and a probe that never passes fails it
 * with the probe's last result. The same mechanism serves services outside an {@code up --only} slice.
 */
final class ExternalWait {
    private final ResolvedService service;
    private final ServiceLog log;
    private final UnitContext context;
    private final Lifecycle lifecycle;

    ExternalWait(ResolvedService service, ServiceLog log, UnitContext context, Lifecycle lifecycle) {
        this.service = service;
        this.log = log;
        this.context = context;
        this.lifecycle = lifecycle;
    }

    /**
     * Waits for readiness on the calling thread; the returned future completes once {@code cancel}
     * did (no thread waits for it meanwhile).
     */
    CompletableFuture<Void> run(CompletableFuture<Void> cancel) {
        lifecycle.apply(new UnitEvent.Awaiting());
        if (!service.spec().ready().hasProbe()) {
            lifecycle.apply(new UnitEvent.Ready("external (no ready probe)", false));
        } else {
            PollOutcome outcome;
            try (Probe probe = context.probe(service.spec().ready().probe(), "ready", service, log)) {
                outcome = context.poller().untilPasses(probe, PollSettings.readiness(service.spec().ready()), cancel,
                        Run.whenChanged(lifecycle));
                if (outcome.ending() != PollOutcome.Ending.PASSED) {
                    ended(outcome, probe.describe());
                    return CompletableFuture.completedFuture(null);
                }
            }
            context.console().line(service.name(), "ready in " + Durations.format(outcome.elapsed()) + " (external: "
                    + outcome.last().detail() + ")");
            lifecycle.apply(new UnitEvent.Ready(outcome.last().detail(), false));
        }
        return cancel.thenRunAsync(() -> lifecycle.apply(new UnitEvent.Cancelled("stopped waiting (external: nothing to stop)")),
                context.executor());
    }

    private void ended(PollOutcome outcome, String probe) {
        if (outcome.ending() == PollOutcome.Ending.WOKEN) {
            lifecycle.apply(new UnitEvent.Cancelled("muster stopped before it was ready"));
        } else if (outcome.ending() == PollOutcome.Ending.FATAL) {
            lifecycle.apply(new UnitEvent.Failed(new Failure(service.name(),
                    new Cause.ProbeFailed(probe, outcome.last().detail()))));
        } else {
            lifecycle.apply(new UnitEvent.Failed(new Failure(service.name(), new Cause.ExternalNotReady(
                    service.spec().ready().timeout(), outcome.attempts(), probe, Run.lastDetail(outcome)))));
        }
    }
}
