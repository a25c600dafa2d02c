package dev.muster.supervisor;

import dev.muster.preflight.ResolvedService;
import dev.muster.process.ExitStatus;
import dev.muster.process.Workload;
import dev.muster.status.Cause;
import dev.muster.status.Durations;
import dev.muster.status.Failure;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * A launched task's run: once to its end, completed or failed by its exit code; past its
 * {@code timeout} it is stopped like a service and fails. Without a timeout no thread waits for its
 * end: what follows runs on the context's executor once it exited (or muster stops the unit).
 */
final class TaskRun {
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(1);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final ResolvedService service;
    private final UnitContext context;
    private final Lifecycle lifecycle;
    private final CompletableFuture<Void> cancel;
    private final BooleanSupplier stopping;

    /**
     * @param cancel   completes when muster stops the unit
     * @param stopping whether muster is stopping the unit (its exit is then the stop's, not the task's)
     */
    TaskRun(ResolvedService service, UnitContext context, Lifecycle lifecycle, CompletableFuture<Void> cancel,
            BooleanSupplier stopping) {
        this.service = service;
        this.context = context;
        this.lifecycle = lifecycle;
        this.cancel = cancel;
        this.stopping = stopping;
    }

    /** Supervises {@code running} to its end; the future completes when nothing is left to do. */
    CompletableFuture<Void> supervise(Workload running) {
        CompletableFuture<Object> ended = CompletableFuture.anyOf(running.exit(), cancel);
        Duration deadline = service.spec().timeout();
        if (deadline == null) {
            return ended.handle((ok, error) -> null).thenComposeAsync(ignored -> ended(running), context.executor());
        }
        if (!context.sleeper().sleep(deadline, ended)) {
            StopAction.run(service, running, lifecycle, context.console(), false);
            running.awaitOutput(OUTPUT_DRAIN);
            fail(new Cause.DeadlinePassed(deadline));
            return DONE;
        }
        return ended(running);
    }

    private CompletableFuture<Void> ended(Workload running) {
        ExitStatus status = running.exit().getNow(null);
        if (status == null || stopping.getAsBoolean()) {
            return DONE;
        }
        running.awaitOutput(OUTPUT_DRAIN);
        if (status.success()) {
            context.console().line(service.name(), "completed in " + Durations.format(running.runtime()));
            lifecycle.apply(new UnitEvent.Completed("exit code 0"));
        } else {
            fail(new Cause.TaskFailed(status, running.runtime()));
        }
        return DONE;
    }

    private void fail(Cause cause) {
        lifecycle.apply(new UnitEvent.Failed(new Failure(service.name(), cause)));
    }
}
