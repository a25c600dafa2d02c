package dev.muster.supervisor;

import dev.muster.MusterException;
import dev.muster.logs.ServiceLog;
import dev.muster.preflight.ResolvedService;
import dev.muster.process.OutputListener;
import dev.muster.status.Cause;
import dev.muster.status.Failure;
import dev.muster.step.InProcessStep;
import java.util.concurrent.CompletableFuture;

/**
 * The life of an in-process unit ({@code schema}, {@code migrations}, {@code database}): muster does
 * the work itself, once; a stop cancels it, and then its dependents do not start.
 */
final class StepRun {
    private final ResolvedService service;
    private final ServiceLog log;
    private final UnitContext context;
    private final Lifecycle lifecycle;

    StepRun(ResolvedService service, ServiceLog log, UnitContext context, Lifecycle lifecycle) {
        this.service = service;
        this.log = log;
        this.context = context;
        this.lifecycle = lifecycle;
    }

    /** Runs the step to its end. Blocking; {@code cancel} completes when muster stops the unit. */
    void run(CompletableFuture<Void> cancel) {
        InProcessStep step = context.steps().get(service.spec().kind());
        if (step == null) {
            lifecycle.apply(new UnitEvent.Failed(new Failure(service.name(),
                    new Cause.KindUnsupported(service.spec().kind().yamlName()))));
            return;
        }
        lifecycle.apply(new UnitEvent.Launched(0));
        try {
            String summary = step.run(service.spec(), line -> log.line(OutputListener.Stream.STDOUT, line));
            context.console().line(service.name(), summary);
            lifecycle.apply(new UnitEvent.Completed(summary));
        } catch (MusterException e) {
            if (cancel.isDone()) {
                context.console().line(service.name(), "stopped: " + e.getMessage());
                lifecycle.apply(new UnitEvent.Cancelled(e.getMessage()));
                return;
            }
            lifecycle.apply(new UnitEvent.Failed(new Failure(service.name(), new Cause.StepFailed(e.getMessage()))));
        }
    }
}
