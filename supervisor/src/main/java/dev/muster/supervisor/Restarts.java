package dev.muster.supervisor;

import dev.muster.preflight.ResolvedService;
import dev.muster.process.Workload;
import dev.muster.restart.Decision;
import dev.muster.restart.RestartTracker;
import dev.muster.status.Cause;
import dev.muster.status.Durations;
import dev.muster.status.Failure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What follows one service's run that ended, by its restart policy: a restart after a backoff, a
 * restart because a dependency declared with {@code restart: true} restarted, or the unit's end
 * (a crash loop, a clean exit of an optional service, a failure). Every change goes through the
 * unit's {@link Lifecycle}.
 */
final class Restarts {
    private final ResolvedService service;
    private final UnitContext context;
    private final Lifecycle lifecycle;
    private final CompletableFuture<Void> cancel;

    /** @param cancel completes when muster stops: a backoff under way ends at once */
    Restarts(ResolvedService service, UnitContext context, Lifecycle lifecycle, CompletableFuture<Void> cancel) {
        this.service = service;
        this.context = context;
        this.lifecycle = lifecycle;
        this.cancel = cancel;
    }

    /** Stops {@code running} because {@code dependency}, declared with {@code restart: true}, restarted. */
    void forDependency(String dependency, Workload running) {
        context.console().error("restarting " + name() + " because " + dependency
                + " restarted (depends_on " + dependency + " with restart: true)");
        StopAction.run(service, running, lifecycle, context.console(), true);
        lifecycle.apply(new UnitEvent.Restarting("restarting because " + dependency + " restarted", Duration.ZERO));
    }

    /** Decides on the run that ended; true when the next run should be launched now. */
    boolean after(RestartTracker tracker, Run.End.Over over, Workload running) {
        Decision decision = tracker.next(over.attempt(), over.readyFor());
        if (!decision.restart()) {
            conclude(over, decision);
            return false;
        }
        if (running.isAlive()) {
            StopAction.run(service, running, lifecycle, context.console(), true);
        }
        return backoff(decision.delay(), over);
    }

    /** No restart: a crash loop fails it; a clean exit of an optional service completes it; else it fails. */
    private void conclude(Run.End.Over over, Decision decision) {
        if (decision.crashLoop()) {
            List<Cause.PastRun> runs = decision.history().stream()
                    .map(a -> new Cause.PastRun(a.endedAt(), a.cause(), a.lived())).toList();
            fail(new Cause.CrashLoop(decision.restarts(), decision.window(), decision.max(), over.attempt().cause(), runs));
        } else if (!over.attempt().failure() && !service.spec().required()) {
            context.console().line(name(), "exited with code 0; it is optional and not restarted");
            lifecycle.apply(new UnitEvent.Completed("exit code 0"));
        } else {
            fail(over.attempt().cause());
        }
    }

    /** Announces the restart and waits out the backoff; false when muster began stopping meanwhile. */
    private boolean backoff(Duration delay, Run.End.Over over) {
        String why = over.attempt().cause().brief();
        List<String> dependents = context.dependentsOf(name());
        lifecycle.apply(new UnitEvent.Restarting("restarting in " + Durations.format(delay) + " after: " + why, delay));
        context.console().error(context.redact().apply("restarting " + name() + " in " + Durations.format(delay)
                + " (" + why + ")" + (dependents.isEmpty() ? "" : "; its dependents keep running: " + String.join(", ", dependents))));
        return !context.sleeper().sleep(delay, cancel);
    }

    private void fail(Cause cause) {
        lifecycle.apply(new UnitEvent.Failed(new Failure(name(), cause)));
    }

    private String name() {
        return service.name();
    }
}
