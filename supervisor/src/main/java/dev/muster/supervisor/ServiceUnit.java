package dev.muster.supervisor;

import dev.muster.MusterException;
import dev.muster.logs.ServiceLog;
import dev.muster.preflight.ResolvedService;
import dev.muster.probe.LivenessWatcher;
import dev.muster.probe.Probe;
import dev.muster.probe.Readiness;
import dev.muster.process.ExitStatus;
import dev.muster.process.OutputListener;
import dev.muster.process.Workload;
import dev.muster.profile.Condition;
import dev.muster.restart.Attempt;
import dev.muster.restart.Decision;
import dev.muster.restart.RestartTracker;
import dev.muster.status.Durations;
import dev.muster.status.Failure;
import dev.muster.status.ServiceState;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
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
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> completed = new CompletableFuture<>();
    private final CompletableFuture<Void> cancel = new CompletableFuture<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final RunObserver observer;
    private Workload process;
    private boolean stopping;

    ServiceUnit(ResolvedService service, ServiceLog log, UnitContext context) {
        this.service = service;
        this.log = log;
        this.context = context;
        this.observer = new RunObserver(service, log, context, cancel);
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
        return switch (condition) {
            case STARTED -> started;
            case READY -> service.spec().isTask() ? completed : ready;
            case COMPLETED -> completed;
        };
    }

    /** Runs the unit from its dependencies to its end. Blocking; one call per unit. */
    void run(Map<String, ServiceUnit> units) {
        try {
            if (!awaitDependencies(units)) {
                return;
            }
            if (service.spec().isTask() && service.spec().creates() != null && Files.exists(service.spec().creates())) {
                context.console().line(name(), "skipped: " + service.spec().creates() + " exists");
                settle(ServiceState.SKIPPED, service.spec().creates() + " exists");
                completeAll();
            } else if (service.spec().kind().inProcess()) {
                runStep();
            } else if (service.spec().isTask()) {
                runTask();
            } else {
                runService();
            }
        } catch (RuntimeException e) {
            fail(Reasons.launchFailed(service, String.valueOf(e)));
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
            notStarted("not started: dependency " + why);
            return false;
        }
        if (!gate.isDone()) {
            notStarted("not started: muster was stopping");
            return false;
        }
        return true;
    }

    private void runStep() {
        Instant at = context.clock().instant();
        context.status().update(name(), s -> s.started(0, at));
        started.complete(null);
        try {
            String summary = context.steps().get(service.spec().kind())
                    .run(service.spec(), line -> log.line(OutputListener.Stream.STDOUT, line));
            context.console().line(name(), summary);
            settleReady(ServiceState.COMPLETED, summary);
            completeAll();
        } catch (MusterException e) {
            if (isStopping()) {
                context.console().line(name(), "stopped: " + e.getMessage());
                failFutures("stopped");
                settle(ServiceState.STOPPED, e.getMessage());
                return;
            }
            fail(new Failure(name(), e.getMessage(), ""));
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
            settleReady(ServiceState.COMPLETED, "exit code 0");
            completeAll();
        } else {
            fail(Reasons.taskFailed(service, status, running.runtime()));
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
            RunEnd end = runOnce(running, probe);
            if (end == null) {
                return;
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

    /** How one run ended: the attempt for the restart tracker, and the failure to report if it ends here. */
    private record RunEnd(Attempt attempt, Duration readyFor, Failure failure) {
    }

    private RunEnd runOnce(Workload running, Probe probe) {
        Readiness readiness = observer.awaitReady(running, probe);
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
                if (isStopping()) {
                    return null;
                }
                clearGroup(running);
                ExitStatus early = running.exit().join();
                return end(early.describe() + " before it was ready", running, null,
                        Reasons.exitedBeforeReady(service, early, running.runtime(), readiness), !early.success());
            default:
                return supervise(running, readiness);
        }
    }

    private RunEnd supervise(Workload running, Readiness readiness) {
        String detail = readiness.lastResult() == null ? "started (no ready probe)" : readiness.lastResult().detail();
        context.console().line(name(), "ready in " + Durations.format(running.runtime()) + " (" + detail + ")");
        settleReady(ServiceState.READY, detail);
        ready.complete(null);
        Instant readyAt = context.clock().instant();
        LivenessWatcher.Verdict verdict = observer.supervise(running);
        if (verdict.outcome() == LivenessWatcher.Outcome.CANCELLED || isStopping()) {
            return null;
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
    private static void clearGroup(Workload running) {
        running.stop(dev.muster.process.Signal.KILL, Duration.ZERO);
    }

    /** @param failed false for a clean exit (code 0), which only the {@code always} policy restarts */
    private RunEnd end(String how, Workload running, Instant readyAt, Failure failure, boolean failed) {
        Instant now = context.clock().instant();
        Duration readyFor = readyAt == null ? Duration.ZERO : Duration.between(readyAt, now);
        return new RunEnd(new Attempt(now, how, running.runtime(), failed), readyFor, failure);
    }

    /** No restart: a clean exit of an optional service completes it; anything else fails it. */
    private void conclude(RunEnd end, Decision decision) {
        if (!end.attempt().failure() && !service.spec().required()) {
            context.console().line(name(), "exited with code 0; it is optional and not restarted");
            settle(ServiceState.COMPLETED, "exit code 0");
            completeAll();
        } else if (decision.crashLoop()) {
            fail(Reasons.crashLoop(service, decision, end.failure()));
        } else {
            fail(end.failure());
        }
    }

    /** Announces the restart and waits out the backoff; false when muster began stopping meanwhile. */
    private boolean restartAfter(Duration delay, RunEnd end) {
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
                if (!started.isDone()) {
                    notStarted("not started: muster was stopping");
                }
                return null;
            }
            try {
                process = context.launch(service, log);
            } catch (MusterException e) {
                fail(Reasons.launchFailed(service, e.getMessage()));
                return null;
            }
            running = process;
        }
        Instant at = context.clock().instant();
        context.status().update(name(), s -> s.started(running.pid(), at));
        context.console().line(name(), "started, pid " + running.pid() + context.describeLaunch(service));
        started.complete(null);
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
            clearGroup(running);
        }
        finished.join();
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private void settle(ServiceState state, String detail) {
        context.status().update(name(), s -> s.with(state, detail));
        context.events().settled(this);
    }

    private void settleReady(ServiceState state, String detail) {
        Instant at = context.clock().instant();
        context.status().update(name(), s -> s.ready(state, at, detail));
        context.events().settled(this);
    }

    private void notStarted(String why) {
        context.console().line(name(), why);
        failFutures(why);
        settle(ServiceState.NOT_STARTED, why);
    }

    /** Reports first, so the report still sees who was waiting; then releases the dependents. */
    private void fail(Failure failure) {
        context.status().update(name(), s -> s.with(ServiceState.FAILED, failure.reason()));
        context.events().failed(this, failure);
        failFutures("failed");
        context.events().settled(this);
    }

    private void completeAll() {
        started.complete(null);
        ready.complete(null);
        completed.complete(null);
    }

    private void failFutures(String why) {
        DependencyFailed failure = new DependencyFailed(name(), why);
        started.completeExceptionally(failure);
        ready.completeExceptionally(failure);
        completed.completeExceptionally(failure);
    }
}
