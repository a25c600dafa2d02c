package dev.muster.supervisor;

import dev.muster.MusterException;
import dev.muster.logs.ServiceLog;
import dev.muster.preflight.ResolvedService;
import dev.muster.probe.Probe;
import dev.muster.probe.Readiness;
import dev.muster.probe.ReadinessWaiter;
import dev.muster.process.ExitStatus;
import dev.muster.process.OutputListener;
import dev.muster.process.RunningProcess;
import dev.muster.profile.Condition;
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

/**
 * One service or task at run time: waits for its dependencies, launches, waits for readiness
 * (or completion), watches for an exit, and stops on request. Its three futures are what
 * dependents wait on: started, ready, completed.
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
    private RunningProcess process;
    private boolean stopping;

    ServiceUnit(ResolvedService service, ServiceLog log, UnitContext context) {
        this.service = service;
        this.log = log;
        this.context = context;
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

    /** Runs the unit's boot to the point where it is ready, completed, skipped or failed. Blocking. */
    void boot(Map<String, ServiceUnit> units) {
        try {
            if (!awaitDependencies(units)) {
                return;
            }
            if (service.spec().isTask() && service.spec().creates() != null && Files.exists(service.spec().creates())) {
                context.console().line(name(), "skipped: " + service.spec().creates() + " exists");
                settle(ServiceState.SKIPPED, service.spec().creates() + " exists");
                completeAll();
                finished.complete(null);
                return;
            }
            if (service.spec().kind().inProcess()) {
                runStep();
                return;
            }
            RunningProcess running = launch();
            if (running != null) {
                if (service.spec().isTask()) {
                    awaitTask(running);
                } else {
                    awaitReady(running);
                }
            }
        } catch (RuntimeException e) {
            fail(Reasons.launchFailed(service, String.valueOf(e)));
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

    private RunningProcess launch() {
        synchronized (this) {
            if (stopping) {
                notStarted("not started: muster was stopping");
                return null;
            }
            try {
                process = context.launcher().launch(context.launchRequest(service, log));
            } catch (MusterException e) {
                fail(Reasons.launchFailed(service, e.getMessage()));
                return null;
            }
        }
        Instant at = context.clock().instant();
        context.status().update(name(), s -> s.started(process.pid(), at));
        context.console().line(name(), "started, pid " + process.pid() + context.describeLaunch(service));
        started.complete(null);
        return process;
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
            fail(new Failure(name(), e.getMessage(), ""));
        } finally {
            finished.complete(null);
        }
    }

    private void awaitTask(RunningProcess running) {
        ExitStatus status = CompletableFuture.anyOf(running.exit(), cancel).thenApply(x -> running.exit().getNow(null)).join();
        if (status == null) {
            return;
        }
        Duration ran = running.runtime();
        if (status.success()) {
            running.awaitOutput(OUTPUT_DRAIN);
            context.console().line(name(), "completed in " + Durations.format(ran));
            settleReady(ServiceState.COMPLETED, "exit code 0");
            completeAll();
        } else if (!isStopping()) {
            running.awaitOutput(OUTPUT_DRAIN);
            fail(Reasons.taskFailed(service, status, ran));
        }
        finished.complete(null);
    }

    private void awaitReady(RunningProcess running) {
        Readiness readiness;
        if (service.spec().ready().hasProbe()) {
            try (Probe probe = context.probe(service, log)) {
                readiness = new ReadinessWaiter(context.clock()).await(probe, service.spec().ready().timeout(),
                        service.spec().ready().interval(), running.exit(), cancel);
                if (readiness.outcome() == Readiness.Outcome.TIMED_OUT) {
                    fail(Reasons.notReady(service, probe, readiness));
                    return;
                }
            }
        } else {
            readiness = new Readiness(running.isAlive() ? Readiness.Outcome.READY : Readiness.Outcome.EXITED,
                    Duration.ZERO, null, 0);
        }
        switch (readiness.outcome()) {
            case READY -> becameReady(running, readiness);
            case EXITED -> exitedEarly(running, readiness);
            default -> { }
        }
    }

    private void becameReady(RunningProcess running, Readiness readiness) {
        String detail = readiness.lastResult() == null ? "started (no ready probe)" : readiness.lastResult().detail();
        context.console().line(name(), "ready in " + Durations.format(sinceStart()) + " (" + detail + ")");
        settleReady(ServiceState.READY, detail);
        ready.complete(null);
        running.exit().whenCompleteAsync((status, error) -> exitedLater(running, status), context.executor());
    }

    private void exitedEarly(RunningProcess running, Readiness readiness) {
        if (isStopping()) {
            return;
        }
        running.awaitOutput(OUTPUT_DRAIN);
        fail(Reasons.exitedBeforeReady(service, running.exit().join(), running.runtime(), readiness));
        finished.complete(null);
    }

    private void exitedLater(RunningProcess running, ExitStatus status) {
        if (isStopping()) {
            return;
        }
        running.awaitOutput(OUTPUT_DRAIN);
        if (status.success() && !service.spec().required()) {
            settle(ServiceState.COMPLETED, "exit code 0");
            completeAll();
        } else {
            fail(Reasons.exitedAfterReady(service, status, running.runtime()));
        }
        finished.complete(null);
    }

    /** Stops the unit's process, if any, with its stop signal and timeout. Blocking; safe to call once boot is over or during it. */
    void stop() {
        RunningProcess running;
        synchronized (this) {
            stopping = true;
            running = process;
        }
        cancel.complete(null);
        if (running == null || !running.isAlive()) {
            finished.complete(null);
            return;
        }
        new StopAction(service, running, context).run();
        finished.complete(null);
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private Duration sinceStart() {
        Instant startedAt = context.status().get(name()).startedAt();
        return startedAt == null ? Duration.ZERO : Duration.between(startedAt, context.clock().instant());
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
        failFutures(why);
        settle(ServiceState.NOT_STARTED, why);
        finished.complete(null);
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
