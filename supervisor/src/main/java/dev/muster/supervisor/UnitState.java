package dev.muster.supervisor;

import dev.muster.profile.Condition;
import dev.muster.status.Failure;
import dev.muster.status.ServiceState;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * What the rest of the stack sees of one unit: the three futures dependents wait on (started,
 * ready, completed) and its state in the stack status. Every transition goes through here, so
 * the futures, the status and the supervisor's events never disagree.
 */
final class UnitState {
    private final ServiceUnit unit;
    private final UnitContext context;
    private final boolean task;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> completed = new CompletableFuture<>();

    UnitState(ServiceUnit unit, UnitContext context, boolean task) {
        this.unit = unit;
        this.context = context;
        this.task = task;
    }

    CompletableFuture<Void> future(Condition condition) {
        return switch (condition) {
            case STARTED -> started;
            case READY -> task ? completed : ready;
            case COMPLETED -> completed;
        };
    }

    /** Launched as {@code pid} (0 for in-process work). */
    void started(long pid) {
        Instant at = context.clock().instant();
        context.status().update(unit.name(), s -> s.started(pid, at));
        started.complete(null);
    }

    /** Ready (a service) or completed (a task or step); dependents waiting for it may go. */
    void ready(ServiceState state, String detail) {
        Instant at = context.clock().instant();
        context.status().update(unit.name(), s -> s.ready(state, at, detail));
        context.events().settled(unit);
        if (state == ServiceState.READY) {
            ready.complete(null);
        } else {
            completeAll();
        }
    }

    /** Skipped, or an optional service that ended cleanly: every condition is met. */
    void done(ServiceState state, String detail) {
        context.status().update(unit.name(), s -> s.with(state, detail));
        context.events().settled(unit);
        completeAll();
    }

    /** Never started: its dependents will not start either. */
    void notStarted(String why) {
        context.console().line(unit.name(), why);
        failFutures(why);
        context.status().update(unit.name(), s -> s.with(ServiceState.NOT_STARTED, why));
        context.events().settled(unit);
    }

    /** Stopped by muster before it finished (an in-process step): its dependents will not start. */
    void stopped(String why) {
        failFutures("stopped");
        context.status().update(unit.name(), s -> s.with(ServiceState.STOPPED, why));
        context.events().settled(unit);
    }

    /** Reports first, so the report still sees who was waiting; then releases the dependents. */
    void fail(Failure failure) {
        context.status().update(unit.name(), s -> s.with(ServiceState.FAILED, failure.reason()));
        context.events().failed(unit, failure);
        failFutures("failed");
        context.events().settled(unit);
    }

    boolean hasStarted() {
        return started.isDone();
    }

    private void completeAll() {
        started.complete(null);
        ready.complete(null);
        completed.complete(null);
    }

    private void failFutures(String why) {
        DependencyFailed failure = new DependencyFailed(unit.name(), why);
        started.completeExceptionally(failure);
        ready.completeExceptionally(failure);
        completed.completeExceptionally(failure);
    }
}
