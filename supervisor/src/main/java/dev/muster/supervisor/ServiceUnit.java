package dev.muster.supervisor;

import dev.muster.MusterException;
import dev.muster.logs.ServiceLog;
import dev.muster.preflight.ResolvedService;
import dev.muster.probe.Probe;
import dev.muster.process.ExitStatus;
import dev.muster.process.OutputListener;
import dev.muster.process.Workload;
import dev.muster.profile.Condition;
import dev.muster.restart.Decision;
import dev.muster.restart.RestartTracker;
import dev.muster.status.Durations;
import dev.muster.status.Failure;
import dev.muster.status.ServiceState;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One service or task at run time: waits for its dependencies, launches, waits for readiness (or
 * completion), supervises, restarts as its policy allows, and stops on request. Its three futures
 * are what dependents wait on: started, ready, completed. One thread runs a unit from boot to end.
 */
final class ServiceUnit {
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(1);

    private final ResolvedService service;
    private final ServiceLog log;
    private final UnitContext context;
    private final UnitState state;
    private final CompletableFuture<Void> cancel = new CompletableFuture<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final RunObserver observer;
    private Workload process;
    private boolean stopping;

    ServiceUnit(ResolvedService service, ServiceLog log, UnitContext context) {
        this.service = service;
        this.log = log;
        this.context = context;
        this.state = new UnitState(this, context, service.spec().isTask());
        this.observer = new RunObserver(this, state, log, context, cancel);
    }

    String name() {
        return service.name();
    }

    ResolvedService service() {
        return service;
    }

    ServiceLog log() {
        return log;
    }

    CompletableFuture<Void> finished() {
        return finished;
    }

    CompletableFuture<Void> future(Condition condition) {
        return state.future(condition);
    }

    /** Runs the unit from its dependencies to its end. Blocking; one call per unit. */
    void run(Map<String, ServiceUnit> units) {
        try {
            if (!awaitDependencies(units)) {
                return;
            }
            if (service.spec().isTask() && service.spec().creates() != null && Files.exists(service.spec().creates())) {
                context.console().line(name(), "skipped: " + service.spec().creates() + " exists");
                state.done(ServiceState.SKIPPED, service.spec().creates() + " exists");
            } else if (service.spec().kind().inProcess()) {
                runStep();
            } else if (service.spec().isTask()) {
                runTask();
            } else {
                runService();
            }
        } catch (RuntimeException e) {
            state.fail(Reasons.launchFailed(service, String.valueOf(e)));
        } finally {
            finished.complete(null);
        }
    }

    private boolean awaitDependencies(Map<String, ServiceUnit> units) {
        List<CompletableFuture<Void>> deps = new ArrayList<>();
        service.spec().dependsOn().forEach((dep, condition) -> deps.add(units.get(dep).future(condition)));
        CompletableFuture<Void> gate = Gates.allOrFirstFailure(deps);
        CompletableFuture.anyOf(gate, cancel).exceptionally(e -> null).join();
        if (gate.isCompletedExceptionally()) {
            String why = gate.handle((ok, e) -> (e instanceof CompletionException ? e.getCause() : e).getMessage()).join();
            state.notStarted("not started: dependency " + why);
            return false;
        }
        if (!gate.isDone()) {
            state.notStarted("not started: muster was stopping");
            return false;
        }
        return true;
    }

    private void runStep() {
        state.started(0);
        try {
            String summary = context.steps().get(service.spec().kind())
                    .run(service.spec(), line -> log.line(OutputListener.Stream.STDOUT, line));
            context.console().line(name(), summary);
            state.ready(ServiceState.COMPLETED, summary);
        } catch (MusterException e) {
            if (isStopping()) {
                context.console().line(name(), "stopped: " + e.getMessage());
                state.stopped(e.getMessage());
                return;
            }
            state.fail(new Failure(name(), e.getMessage(), ""));
        }
    }

    private void runTask() {
        Workload running = launch();
        if (running == null) {
            return;
        }
        CompletableFuture.anyOf(running.exit(), cancel).exceptionally(e -> null).join();
        ExitStatus status = running.exit().getNow(null);
        if (status == null || isStopping()) {
            return;
        }
        running.awaitOutput(OUTPUT_DRAIN);
        if (status.success()) {
            context.console().line(name(), "completed in " + Durations.format(running.runtime()));
            state.ready(ServiceState.COMPLETED, "exit code 0");
        } else {
            state.fail(Reasons.taskFailed(service, status, running.runtime()));
        }
    }

    /** Launch, readiness, supervision; again after a backoff while the restart policy allows. */
    private void runService() {
        RestartTracker tracker = new RestartTracker(service.spec().restart(), context.clock(),
                () -> ThreadLocalRandom.current().nextDouble());
        while (true) {
            Probe probe = observer.readinessProbe();
            Workload running = launch();
            if (running == null) {
                if (probe != null) {
                    probe.close();
                }
                return;
            }
            RunObserver.RunEnd end = observer.run(running, probe);
            if (end == null) {
                return;
            }
            if (end.requestedBy() != null) {
                restartFor(end.requestedBy(), running);
                continue;
            }
            Decision decision = tracker.next(end.attempt(), end.readyFor());
            if (!decision.restart()) {
                conclude(end, decision);
                return;
            }
            if (running.isAlive()) {
                new StopAction(service, running, context).run();
            }
            if (!restartAfter(decision.delay(), end)) {
                return;
            }
        }
    }

    /** Asks a ready service to restart because {@code dependency}, declared with {@code restart: true}, restarted. */
    void requestRestart(String dependency) {
        observer.requestRestart(dependency);
    }

    private void restartFor(String dependency, Workload running) {
        context.console().error("restarting " + name() + " because " + dependency
                + " restarted (depends_on " + dependency + " with restart: true)");
        new StopAction(service, running, context).run();
        context.status().update(name(), s -> s.restarting("restarting because " + dependency + " restarted"));
    }

    /** No restart: a clean exit of an optional service completes it; anything else fails it. */
    private void conclude(RunObserver.RunEnd end, Decision decision) {
        if (!end.attempt().failure() && !service.spec().required()) {
            context.console().line(name(), "exited with code 0; it is optional and not restarted");
            state.done(ServiceState.COMPLETED, "exit code 0");
        } else if (decision.crashLoop()) {
            state.fail(Reasons.crashLoop(service, decision, end.failure()));
        } else {
            state.fail(end.failure());
        }
    }

    /** Announces the restart and waits out the backoff; false when muster began stopping meanwhile. */
    private boolean restartAfter(Duration delay, RunObserver.RunEnd end) {
        String why = end.attempt().how();
        List<String> dependents = context.dependentsOf(name());
        context.status().update(name(), s -> s.restarting("restarting in " + Durations.format(delay) + " after: " + why));
        context.console().error(context.redact().apply("restarting " + name() + " in " + Durations.format(delay)
                + " (" + why + ")" + (dependents.isEmpty() ? "" : "; its dependents keep running: " + String.join(", ", dependents))));
        CompletableFuture.anyOf(cancel).completeOnTimeout(null, delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).join();
        return !isStopping();
    }

    private Workload launch() {
        Workload running;
        synchronized (this) {
            if (stopping) {
                if (!state.hasStarted()) {
                    state.notStarted("not started: muster was stopping");
                }
                return null;
            }
            try {
                process = context.launch(service, log);
            } catch (MusterException e) {
                state.fail(Reasons.launchFailed(service, e.getMessage()));
                return null;
            }
            running = process;
        }
        context.console().line(name(), "started, pid " + running.pid() + context.describeLaunch(service));
        state.started(running.pid());
        return running;
    }

    /** Stops the unit's process, if any, with its stop signal and timeout. Blocking; safe at any time. */
    void stop() {
        Workload running;
        synchronized (this) {
            stopping = true;
            running = process;
        }
        cancel.complete(null);
        if (service.spec().kind().inProcess() && context.steps().containsKey(service.spec().kind())) {
            context.steps().get(service.spec().kind()).cancel(service.spec());
        }
        if (running != null && running.isAlive()) {
            new StopAction(service, running, context).run();
        } else if (running != null) {
            RunObserver.clearGroup(running);
        }
        finished.join();
    }

    synchronized boolean isStopping() {
        return stopping;
    }
}
