package dev.muster.supervisor;

import dev.muster.profile.Condition;
import dev.muster.status.StackStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The state machine of one unit: {@link #apply} is the only place where an event becomes a state
 * in the stack status, a call to the supervisor, and the three futures dependents wait on
 * (started, ready, completed). Knows nothing of the unit that feeds it.
 */
final class Lifecycle {
    private final String name;
    private final boolean task;
    private final StackStatus status;
    private final Clock clock;
    private final UnitEvents listener;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> completed = new CompletableFuture<>();

    Lifecycle(String name, boolean task, StackStatus status, Clock clock, UnitEvents listener) {
        this.name = name;
        this.task = task;
        this.status = status;
        this.clock = clock;
        this.listener = listener;
    }

    CompletableFuture<Void> future(Condition condition) {
        return switch (condition) {
            case STARTED -> started;
            case READY -> task ? completed : ready;
            case COMPLETED -> completed;
        };
    }

    boolean hasStarted() {
        return started.isDone();
    }

    /** Applies one event: the new status first, then the supervisor hears of it, then the futures. */
    synchronized void apply(UnitEvent event) {
        Instant now = clock.instant();
        status.update(name, current -> event.next(current, now));
        listener.changed(name, event);
        switch (event.release()) {
            case STARTED -> started.complete(null);
            case READY -> {
                started.complete(null);
                ready.complete(null);
            }
            case ALL -> completeAll();
            case FAIL -> failAll(event);
            default -> {
            }
        }
    }

    private void completeAll() {
        started.complete(null);
        ready.complete(null);
        completed.complete(null);
    }

    private void failAll(UnitEvent event) {
        DependencyFailed failure = event instanceof UnitEvent.Disabled ? new DependencyFailed(name, "is disabled", true)
                : new DependencyFailed(name, event instanceof UnitEvent.NotStarted n ? n.why()
                        : event instanceof UnitEvent.Cancelled ? "stopped" : "failed");
        started.completeExceptionally(failure);
        ready.completeExceptionally(failure);
        completed.completeExceptionally(failure);
    }
}
