package dev.muster.supervisor;

import dev.muster.MusterException;
import dev.muster.logs.ServiceLog;
import dev.muster.preflight.ResolvedService;
import dev.muster.probe.Probe;
import dev.muster.process.Workload;
import dev.muster.profile.Condition;
import dev.muster.profile.Kind;
import dev.muster.restart.RestartTracker;
import dev.muster.status.Cause;
import dev.muster.status.Failure;
import dev.muster.status.ServiceState;
import dev.muster.step.InProcessStep;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One service, task, step or external dependency at run time, read top to bottom: disabled or
 * wait for dependencies; then skip, wait for an external one, run a step, run a task to its end
 * (or deadline), or run a service: launch, readiness, supervision, and again after a backoff while
 * its restart policy allows ({@link Restarts} decides what follows a run). Every change goes through its
 * {@link Lifecycle}. A unit holds no thread
 * while it waits with no deadline (for its dependencies, for a ready service's exit or stop, for a
 * task's end): what follows runs on the context's executor when the awaited future completes, so a
 * stack of idle services parks no thread per service. {@link #stop()} may be called from any thread.
 */
final class ServiceUnit {
    /** What a step of the unit's life returns when nothing is left to wait for. */
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final ResolvedService service;
    private final ServiceLog log;
    private final UnitContext context;
    private final Lifecycle lifecycle;
    private final CompletableFuture<Void> cancel = new CompletableFuture<>();
    private final Restarts restarts;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final AtomicReference<CompletableFuture<String>> follow = new AtomicReference<>(new CompletableFuture<>());
    private final AtomicReference<CompletableFuture<String>> fault = new AtomicReference<>(new CompletableFuture<>());
    private Workload process;
    /** The launch under way, if any: {@link #stop} waits for it, so a workload started meanwhile is stopped too. */
    private CompletableFuture<Workload> launching;
    private boolean stopping;

    ServiceUnit(ResolvedService service, ServiceLog log, UnitContext context) {
        this.service = service;
        this.log = log;
        this.context = context;
        this.lifecycle = new Lifecycle(service.name(), service.spec().isTask(), context.status(), context.clock(),
                context.events());
        this.restarts = new Restarts(service, context, lifecycle, cancel);
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
        return lifecycle.future(condition);
    }

    /**
     * Starts the unit's life: once its dependencies are met (or one failed, or muster stops), the rest
     * runs on the context's executor; {@link #finished()} completes at its end. Returns at once; one
     * call per unit.
     */
    void start(Map<String, ServiceUnit> units) {
        List<CompletableFuture<Void>> deps = new ArrayList<>();
        if (service.spec().enabled()) {
            service.spec().dependsOn().forEach((dep, condition) -> deps.add(units.get(dep).future(condition)));
        }
        CompletableFuture<Void> gate = Gates.allOrFirstFailure(deps);
        CompletableFuture.anyOf(gate, cancel).whenCompleteAsync((ok, error) -> step(() -> begin(gate)),
                context.executor());
    }

    private CompletableFuture<Void> begin(CompletableFuture<Void> gate) {
        if (!service.spec().enabled()) {
            context.console().line(name(), "disabled (enabled: false): not part of this boot");
            lifecycle.apply(new UnitEvent.Disabled("disabled (enabled: false)"));
            return DONE;
        }
        return dependenciesMet(gate) ? runByKind() : DONE;
    }

    /**
     * Runs one step of the unit's life on the calling thread; the unit is finished when the future it
     * returns completes. A step that throws fails the unit, as a launch that cannot be made does.
     */
    private void step(Supplier<CompletableFuture<Void>> body) {
        CompletableFuture<Void> end;
        try {
            end = body.get();
        } catch (RuntimeException e) {
            end = CompletableFuture.failedFuture(e);
        }
        end.whenComplete((ok, error) -> {
            if (error != null) {
                fail(new Cause.LaunchFailed(String.valueOf(unwrapped(error))));
            }
            finished.complete(null);
        });
    }

    private CompletableFuture<Void> runByKind() {
        Kind kind = service.spec().kind();
        if (service.spec().isTask() && service.spec().creates() != null && Files.exists(service.spec().creates())) {
            context.console().line(name(), "skipped: " + service.spec().creates() + " exists");
            lifecycle.apply(new UnitEvent.Skipped(service.spec().creates() + " exists"));
            return DONE;
        } else if (kind == Kind.EXTERNAL) {
            return new ExternalWait(service, log, context, lifecycle).run(cancel);
        } else if (kind.inProcess()) {
            new StepRun(service, log, context, lifecycle).run(cancel);
            return DONE;
        } else if (service.spec().isTask()) {
            return runTask();
        }
        return runService(new RestartTracker(service.spec().restart(), context.clock(),
                () -> ThreadLocalRandom.current().nextDouble()));
    }

    /** After the dependency gate (or muster's stop) completed: whether the unit may go on. */
    private boolean dependenciesMet(CompletableFuture<Void> gate) {
        if (gate.isCompletedExceptionally()) {
            Throwable cause = gate.handle((ok, e) -> unwrapped(e)).join();
            String why = "not started: " + notStartedBecause(cause);
            if (cause instanceof DependencyFailed failed && failed.disabled() && !service.spec().required()) {
                context.console().line(name(), why);
                lifecycle.apply(new UnitEvent.Disabled(why));
            } else {
                notStarted(why);
            }
            return false;
        }
        if (!gate.isDone()) {
            notStarted("not started: muster was stopping");
            return false;
        }
        return true;
    }

    private static String notStartedBecause(Throwable cause) {
        return cause instanceof DependencyFailed failed ? failed.notStarted() : "dependency " + cause.getMessage();
    }

    /** Runs once to its end ({@link TaskRun}). */
    private CompletableFuture<Void> runTask() {
        TaskRun task = new TaskRun(service, context, lifecycle, cancel, this::isStopping);
        return launch(null).thenCompose(running -> running == null ? DONE : task.supervise(running));
    }

    /**
     * Launch, readiness, supervision; again after a backoff while the restart policy allows. The
     * returned future completes when no run follows.
     */
    private CompletableFuture<Void> runService(RestartTracker tracker) {
        CompletableFuture<Void> over = new CompletableFuture<>();
        attempt(tracker, over);
        return over;
    }

    /** One run; what follows it is decided on the executor once it ended. */
    private void attempt(RestartTracker tracker, CompletableFuture<Void> over) {
        boolean readyBefore = lifecycle.future(Condition.READY).isDone();
        Probe probe = service.spec().ready().hasProbe()
                ? context.probe(service.spec().ready().probe(), "ready", service, log) : null;
        launch(probe).thenAccept(running -> {
            if (running == null) {
                over.complete(null);
            } else {
                supervise(running, probe, readyBefore, tracker, over);
            }
        }).exceptionally(error -> {
            over.completeExceptionally(error);
            return null;
        });
    }

    /** Readiness and supervision of one launched run, then what follows it. */
    private void supervise(Workload running, Probe probe, boolean readyBefore, RestartTracker tracker,
                           CompletableFuture<Void> over) {
        CompletableFuture<String> request = new CompletableFuture<>();
        follow.set(request);
        new Run(service, log, context, lifecycle, cancel, fault.get()).run(running, probe, request, readyBefore)
                .whenCompleteAsync((end, error) -> {
                    try {
                        if (error != null) {
                            over.completeExceptionally(error);
                        } else if (end instanceof Run.End.Follow followed) {
                            restarts.forDependency(followed.dependency(), running);
                            attempt(tracker, over);
                        } else if (end instanceof Run.End.Over ended && restarts.after(tracker, ended, running)) {
                            attempt(tracker, over);
                        } else {
                            over.complete(null);
                        }
                    } catch (RuntimeException e) {
                        over.completeExceptionally(e);
                    }
                }, context.executor());
    }

    /** Asks a ready service to restart because {@code dependency}, declared with {@code restart: true}, restarted. */
    void requestRestart(String dependency) {
        if (context.status().get(name()).state() == ServiceState.READY) {
            follow.get().complete(dependency);
        }
    }

    /** The current run fails with {@code why} (its output reader died); the next run starts with a fresh signal. */
    void fault(String why) {
        fault.getAndSet(new CompletableFuture<>()).complete(why);
    }

    /** A dead output reader fails the run it belongs to, never a later one. */
    private void faultIfCurrent(Workload running, Throwable cause) {
        synchronized (this) {
            if (process != running) {
                return;
            }
        }
        fault(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    /**
     * Launches a workload (a local process on the launcher's thread, so no unit thread waits for it);
     * the future gives it once its start is printed, before any of its output, on the executor; null
     * when it cannot or must not start.
     */
    private CompletableFuture<Workload> launch(Probe probe) {
        HeldOutput output = new HeldOutput(log);
        CompletableFuture<Workload> launched;
        synchronized (this) {
            if (stopping) {
                if (!lifecycle.hasStarted()) {
                    process = null;
                    notStarted("not started: muster was stopping");
                }
                launched = CompletableFuture.completedFuture(null);
            } else {
                launched = context.runtime().launchAsync(service, output).whenComplete((running, error) -> {
                    synchronized (this) {
                        process = running;
                        launching = null;
                    }
                });
                launching = launched.isDone() ? null : launched;
            }
        }
        return launched.handleAsync((running, error) -> started(running, error, probe, output), context.executor());
    }

    /** What follows a launch: its start printed and applied, or the reason it could not start. */
    private Workload started(Workload running, Throwable error, Probe probe, HeldOutput output) {
        Throwable cause = unwrapped(error);
        if (cause instanceof MusterException e) {
            fail(new Cause.LaunchFailed(e.getMessage()));
        } else if (cause != null) {
            throw error instanceof CompletionException failed ? failed : new CompletionException(cause);
        }
        if (running == null) {
            if (probe != null) {
                probe.close();
            }
            return null;
        }
        context.console().line(name(), "started, pid " + running.pid() + context.describeLaunch(service));
        lifecycle.apply(new UnitEvent.Launched(running.pid()));
        output.release();
        running.outputFailure().thenAccept(lost -> faultIfCurrent(running, lost));
        return running;
    }

    /** Stops the unit's workload, if any, with its stop signal and timeout. Blocking; safe at any time. */
    void stop() {
        stop(service.spec().stop().timeout());
    }

    /** Stops the unit's workload, if any, with its stop signal, SIGKILL after {@code timeout}. */
    void stop(Duration timeout) {
        CompletableFuture<Workload> pending;
        synchronized (this) {
            stopping = true;
            pending = launching;
        }
        if (pending != null) {
            pending.handle((launched, error) -> null).join();
        }
        Workload running;
        synchronized (this) {
            running = process;
        }
        cancel.complete(null);
        InProcessStep step = context.steps().get(service.spec().kind());
        if (service.spec().kind().inProcess() && step != null) {
            step.cancel(service.spec());
        }
        if (running != null && running.isAlive()) {
            StopAction.run(service, running, lifecycle, context.console(), false, timeout);
        } else if (running != null) {
            Run.clearGroup(running);
        }
        finished.join();
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private void notStarted(String why) {
        context.console().line(name(), why);
        lifecycle.apply(new UnitEvent.NotStarted(why));
    }

    private void fail(Cause cause) {
        lifecycle.apply(new UnitEvent.Failed(new Failure(name(), cause)));
    }

    /** The failure a future's {@link CompletionException} wraps, or {@code error} itself. */
    private static Throwable unwrapped(Throwable error) {
        return error instanceof CompletionException wrapped ? wrapped.getCause() : error;
    }
}
