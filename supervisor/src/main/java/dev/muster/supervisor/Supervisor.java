package dev.muster.supervisor;

import dev.muster.graph.DependencyGraph;
import dev.muster.logs.Console;
import dev.muster.logs.ServiceLog;
import dev.muster.preflight.Plan;
import dev.muster.preflight.ResolvedService;
import dev.muster.process.Signal;
import dev.muster.profile.Profile;
import dev.muster.status.Durations;
import dev.muster.status.Failure;
import dev.muster.status.ServiceState;
import dev.muster.status.ServiceStatus;
import dev.muster.status.StackStatus;
import dev.muster.status.SummaryTable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Boots a stack and supervises it until a signal, a required failure, or nothing being left to
 * run; then stops everything in reverse dependency order and returns the exit status.
 * Orchestration only: processes, probes, logs and rendering live in their own packages.
 */
public final class Supervisor implements UnitEvents {
    /** How long orphans left after every service stopped get between SIGTERM and SIGKILL. */
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(5);

    private final Profile profile;
    private final DependencyGraph graph;
    private final SupervisorParts parts;
    private final StackStatus status = new StackStatus();
    private final Map<String, ServiceUnit> units = new LinkedHashMap<>();
    private final CompletableFuture<StopReason> stop = new CompletableFuture<>();
    private final AtomicBoolean summaryPrinted = new AtomicBoolean();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "muster-unit");
        thread.setDaemon(true);
        return thread;
    });
    private Instant bootStarted;

    public Supervisor(Profile profile, Plan plan, SupervisorParts parts) {
        this.profile = profile;
        this.graph = DependencyGraph.of(profile.services());
        this.parts = parts;
        UnitContext context = new UnitContext(parts.launcher(), parts.probes(), parts.console(), status,
                parts.clock(), this, executor, parts.redact(), parts.steps(), graph, parts.containers(), profile.name());
        for (ResolvedService service : plan.services().values()) {
            status.put(Addresses.initialStatus(service.spec()));
            ServiceLog log = new ServiceLog(service.name(), parts.console(), service.spec().log());
            units.put(service.name(), new ServiceUnit(service, log, context));
        }
    }

    /** The live state, for the control plane and tests. */
    public StackStatus status() {
        return status;
    }

    /** The captured output of one service, for the control plane; empty for an unknown name. */
    public java.util.Optional<ServiceLog> log(String name) {
        return java.util.Optional.ofNullable(units.get(name)).map(ServiceUnit::log);
    }

    /** Asks the supervisor to stop as if it had received this signal. */
    public synchronized void signal(Signal signal) {
        if (stop.isDone()) {
            parts.console().info("received " + signal.fullName() + " while stopping; still stopping every service cleanly"
                    + " (SIGKILL to muster would abandon them)");
        } else {
            parts.console().info("received " + signal.fullName() + ": stopping every service in reverse dependency order");
            stop.complete(new StopReason.Signalled(signal));
        }
    }

    /** Boots, supervises and stops the stack. Blocks until done; returns the exit status. */
    public int run() {
        bootStarted = parts.clock().instant();
        parts.console().info("booting " + profile.name() + ": " + units.size() + " services from " + profile.source());
        for (String name : graph.startOrder()) {
            ServiceUnit unit = units.get(name);
            executor.execute(() -> unit.run(units));
            unit.finished().thenRun(() -> finished(unit));
        }
        StopReason reason = stop.join();
        new Shutdown(graph, units, executor, parts.stopHooks()).run();
        parts.containers().close();
        int orphans = parts.reaper().endOrphans(new dev.muster.process.Signals(), ORPHAN_GRACE);
        if (orphans > 0) {
            parts.console().info("ended " + orphans + " orphaned process(es) the services had left behind");
        }
        units.values().forEach(unit -> unit.log().close());
        executor.shutdownNow();
        parts.console().info(farewell(reason));
        return reason.exitCode();
    }

    @Override
    public void failed(ServiceUnit unit, Failure failure) {
        boolean required = unit.service().spec().required();
        List<String> waiting = graph.transitiveDependentsOf(unit.name()).stream()
                .filter(name -> status.get(name).state() == ServiceState.WAITING).toList();
        List<String> report = parts.report().render(failure, required, waiting,
                unit.log().tail().last(profile.control().tail()), unit.log().tail().total());
        report.forEach(line -> parts.console().error(parts.redact().apply(line)));
        if (required) {
            stop.complete(new StopReason.RequiredFailed(failure));
        } else {
            executor.execute(unit::stop);
        }
    }

    @Override
    public void readyAgain(ServiceUnit unit) {
        units.values().stream().filter(u -> u.service().spec().restartWith().contains(unit.name()))
                .forEach(u -> u.requestRestart(unit.name()));
    }

    @Override
    public void settled(ServiceUnit unit) {
        List<ServiceStatus> snapshot = status.snapshot();
        boolean allSettled = snapshot.stream().allMatch(s -> s.state().settled());
        boolean requiredFailed = snapshot.stream().anyMatch(s -> s.required() && s.state() == ServiceState.FAILED);
        if (allSettled && !requiredFailed && !stop.isDone() && summaryPrinted.compareAndSet(false, true)) {
            printSummary(snapshot);
        }
    }

    private void finished(ServiceUnit unit) {
        if (units.values().stream().allMatch(u -> u.finished().isDone())) {
            stop.complete(new StopReason.AllFinished());
        }
    }

    private void printSummary(List<ServiceStatus> snapshot) {
        new SummaryTable().render(snapshot).forEach(parts.console()::info);
        Instant lastReady = snapshot.stream().filter(ServiceStatus::required).map(ServiceStatus::readyAt)
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(parts.clock().instant());
        List<String> degraded = snapshot.stream().filter(s -> s.state() == ServiceState.FAILED).map(ServiceStatus::name).toList();
        parts.console().info("all required services ready in " + Durations.format(Duration.between(bootStarted, lastReady))
                + (degraded.isEmpty() ? "" : "; degraded: " + String.join(", ", degraded)));
    }

    private String farewell(StopReason reason) {
        if (reason instanceof StopReason.Signalled signalled) {
            return "stopped cleanly after " + signalled.signal().fullName() + "; exit " + reason.exitCode();
        }
        if (reason instanceof StopReason.RequiredFailed failed) {
            return "stopped because " + failed.failure().service() + " failed; exit " + reason.exitCode();
        }
        return "nothing left to run; exit 0";
    }
}
