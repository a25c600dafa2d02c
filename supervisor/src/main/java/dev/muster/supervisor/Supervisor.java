package dev.muster.supervisor;

import dev.muster.graph.DependencyGraph;
import dev.muster.logs.ServiceLog;
import dev.muster.preflight.Plan;
import dev.muster.preflight.ResolvedService;
import dev.muster.process.Sleeper;
import dev.muster.process.Signal;
import dev.muster.profile.Profile;
import dev.muster.status.Durations;
import dev.muster.status.Failure;
import dev.muster.status.Plurals;
import dev.muster.status.ServiceState;
import dev.muster.status.ServiceStatus;
import dev.muster.status.StackEnding;
import dev.muster.status.StackStatus;
import dev.muster.status.SummaryTable;
import dev.muster.threads.Daemons;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Boots a stack and supervises it until a signal, a required failure, or nothing being left to
 * run; then stops everything in reverse dependency order and returns the exit status.
 * Orchestration only: each unit's life is its {@link ServiceUnit}; processes, probes, logs and
 * rendering live in their own packages.
 */
public final class Supervisor implements UnitEvents {
    /** How long orphans left after every service stopped get between SIGTERM and SIGKILL. */
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(5);
    /** How long a unit thread without work lives on, ready for the next step. */
    private static final Duration UNIT_THREAD_IDLE = Duration.ofSeconds(2);

    private final Profile profile;
    private final DependencyGraph graph;
    private final SupervisorParts parts;
    private final StackStatus status = new StackStatus();
    private final Map<String, ServiceUnit> units = new LinkedHashMap<>();
    private final CompletableFuture<StopReason> stop = new CompletableFuture<>();
    private final AtomicBoolean summaryPrinted = new AtomicBoolean();
    private final List<String> killed = new CopyOnWriteArrayList<>();
    private final Map<String, List<java.util.function.Consumer<Duration>>> beforeStop = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Runs the units' steps (launch, readiness, a stop, what follows an exit). Waiting holds none of
     * its threads, so an idle stack has none: each ends after {@link #UNIT_THREAD_IDLE} without work.
     */
    private final ExecutorService executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE,
            UNIT_THREAD_IDLE.toMillis(), TimeUnit.MILLISECONDS, new SynchronousQueue<>(), Daemons.named("muster-unit"));
    private Instant bootStarted;
    private volatile Instant stopAsked;
    private volatile StopLimits limits;
    private volatile StackEnding ending;
    private volatile OneOff oneOff;

    public Supervisor(Profile profile, Plan plan, SupervisorParts parts) {
        this(profile, plan, parts, new LocalRuntime(parts.launcher(), parts.probes(), parts.containers(), profile.name()),
                Sleeper.system());
    }

    /** With the workloads, probes and waiting given: what unit tests use. */
    Supervisor(Profile profile, Plan plan, SupervisorParts parts, UnitRuntime runtime, Sleeper sleeper) {
        this.profile = profile;
        this.graph = profile.graph();
        this.parts = parts;
        UnitContext context = new UnitContext(runtime, parts.console(), status, parts.clock(), sleeper, this,
                parts.redact(), parts.steps(), graph, executor);
        // Children inherit muster's real environment (ProcessBuilder starts from System.getenv()), so its secrets too.
        dev.muster.secret.Redactor redactor = dev.muster.secret.Redactor.forProfile(profile).including(System.getenv());
        for (ResolvedService service : plan.services().values()) {
            status.put(Addresses.initialStatus(service.spec()));
            ServiceLog log = new ServiceLog(service.name(), parts.console(), service.spec().log(),
                    redactor.including(service.env()), parts.clock());
            units.put(service.name(), new ServiceUnit(service, log, context));
        }
    }

    /** The live state, for the control plane and tests. */
    public StackStatus status() {
        return status;
    }

    /** The captured output of one service, for the control plane; empty for an unknown name. */
    public Optional<ServiceLog> log(String name) {
        return Optional.ofNullable(units.get(name)).map(ServiceUnit::log);
    }

    /** How the run ended, once {@link #run()} returned. */
    public StackEnding ending() {
        return ending;
    }

    /**
     * Runs {@code hook} during the final shutdown, after every unit that depends on {@code unit} has
     * stopped and before {@code unit} itself is stopped (never for a restart): where an on-stop
     * dump of a database belongs. A hook blocks that unit's stop, so it must bound its own time.
     * Register before {@link #run()}.
     */
    public void beforeStopping(String unit, Runnable hook) {
        beforeStopping(unit, within -> hook.run());
    }

    /**
     * As {@link #beforeStopping(String, Runnable)}; the hook is given how long it may take under the stop
     * budget ({@link #stopUnder}), or null when it keeps its own timeout.
     */
    public void beforeStopping(String unit, java.util.function.Consumer<Duration> hook) {
        if (!units.containsKey(unit)) {
            throw new IllegalArgumentException("no service named '" + unit + "'; known: " + units.keySet());
        }
        beforeStop.computeIfAbsent(unit, u -> new CopyOnWriteArrayList<>()).add(hook);
    }

    /**
     * Reports that a unit's output can no longer be read (its reader died): the current run counts as
     * failed with {@code why}, its workload is stopped, and its restart policy decides what follows.
     * Safe from any thread; ignored for an unknown unit.
     */
    public void outputLost(String unit, String why) {
        Optional.ofNullable(units.get(unit)).ifPresent(u -> u.fault(why));
    }

    /**
     * When the stop comes from a signal, every unit's stop timeout and every stop hook's time come from
     * {@code limits}, measured from the signal's arrival; any other stop keeps the units' own timeouts.
     * Set before {@link #run()}.
     */
    public void stopUnder(StopLimits limits) {
        this.limits = limits;
    }

    /**
     * Runs {@code command} once the boot settled with no required failure ({@code muster run}); the
     * stack then stays up while it runs, even when every unit finished, and stops when it ends,
     * exiting with its status. Signals go to it first; a required failure stops it before the
     * stack. Call before {@link #run()}.
     */
    public void attach(OneOff command) {
        this.oneOff = command;
    }

    /** Asks the supervisor to stop as if it had received this signal. */
    public synchronized void signal(Signal signal) {
        if (!stop.isDone() && oneOff != null && oneOff.forward(signal)) {
            parts.console().info("received " + signal.fullName() + ": passed it on to " + oneOff.describe()
                    + "; the stack stops when it ends");
        } else if (stop.isDone()) {
            parts.console().info("received " + signal.fullName() + " while stopping; still stopping every service cleanly"
                    + " (SIGKILL to muster would abandon them)");
        } else {
            parts.console().info("received " + signal.fullName() + ": stopping every service in reverse dependency order");
            stopWith(new StopReason.Signalled(signal));
        }
    }

    /** Boots, supervises and stops the stack. Blocks until done; returns the exit status. */
    public int run() {
        bootStarted = parts.clock().instant();
        parts.console().info("booting " + profile.name() + ": " + Plurals.of(units.size(), "service") + " from "
                + profile.source());
        for (String name : graph.startOrder()) {
            ServiceUnit unit = units.get(name);
            unit.start(units);
            unit.finished().thenRun(this::finished);
        }
        if (units.isEmpty()) {
            settled();
        }
        StopReason reason = stop.join();
        if (oneOff != null) {
            oneOff.stop();
        }
        StopLimits budget = reason instanceof StopReason.Signalled ? limits : null;
        if (budget != null) {
            budget.announcement().forEach(parts.console()::info);
        }
        Instant from = stopAsked;
        new Shutdown(graph, units, executor, beforeStop, budget,
                () -> Duration.between(from, parts.clock().instant())).run();
        parts.containers().close();
        int orphans = parts.reaper() == null ? 0 : parts.reaper().endOrphans(new dev.muster.process.Signals(), ORPHAN_GRACE);
        if (orphans > 0) {
            parts.console().info("ended " + orphans + " orphaned process(es) the services had left behind");
        }
        units.values().forEach(unit -> unit.log().close());
        executor.shutdownNow();
        ending = reason.ending(killed);
        parts.console().info(parts.redact().apply(ending.farewell()));
        return ending.exitCode();
    }

    @Override
    public void changed(String name, UnitEvent event) {
        ServiceUnit unit = units.get(name);
        if (event instanceof UnitEvent.Failed failed) {
            failed(unit, failed.failure());
        } else if (event instanceof UnitEvent.Ready ready && ready.again()) {
            units.values().stream().filter(u -> u.service().spec().restartWith().contains(name))
                    .forEach(u -> u.requestRestart(name));
        } else if (event instanceof UnitEvent.Stopped stopped && !stopped.forRestart() && !stopped.outcome().clean()) {
            killed.add(name);
        }
        settled();
    }

    private void failed(ServiceUnit unit, Failure failure) {
        boolean required = unit.service().spec().required();
        List<String> waiting = graph.transitiveDependentsOf(unit.name()).stream()
                .filter(name -> status.get(name).state() == ServiceState.WAITING).toList();
        List<String> report = parts.report().render(failure, required, waiting,
                unit.log().tail().last(profile.control().tail()), unit.log().tail().total());
        report.forEach(line -> parts.console().error(parts.redact().apply(line)));
        if (required) {
            stopWith(new StopReason.RequiredFailed(failure));
        } else {
            executor.execute(unit::stop);
        }
    }

    /** Prints the summary once, the first time every unit is settled and no required one failed. */
    private void settled() {
        List<ServiceStatus> snapshot = status.snapshot();
        boolean allSettled = snapshot.stream().allMatch(s -> s.state().settled());
        boolean requiredFailed = snapshot.stream().anyMatch(s -> s.required() && s.state() == ServiceState.FAILED);
        if (allSettled && !requiredFailed && !stop.isDone() && summaryPrinted.compareAndSet(false, true)) {
            printSummary(snapshot);
            OneOff command = oneOff;
            if (command != null) {
                executor.execute(() -> {
                    // The command shares muster's terminal (in `run` the console writes to stderr): what muster
                    // said of the boot is written out before the command says anything.
                    parts.console().flush();
                    command.run().ifPresent(status -> stopWith(new StopReason.CommandEnded(command.describe(), status)));
                });
            }
        }
    }

    private void finished() {
        if (oneOff == null && units.values().stream().allMatch(u -> u.finished().isDone())) {
            stopWith(new StopReason.AllFinished());
        }
    }

    /** Begins stopping the stack: from now on its health is "stopping", whatever the services' states. */
    private synchronized void stopWith(StopReason reason) {
        if (stopAsked == null) {
            stopAsked = parts.clock().instant();
        }
        status.stopping();
        stop.complete(reason);
    }

    private void printSummary(List<ServiceStatus> snapshot) {
        new SummaryTable().render(snapshot).forEach(parts.console()::info);
        Instant lastReady = snapshot.stream().filter(ServiceStatus::required).map(ServiceStatus::readyAt)
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(parts.clock().instant());
        List<String> degraded = snapshot.stream().filter(s -> s.state() == ServiceState.FAILED).map(ServiceStatus::name).toList();
        parts.console().info("all required services ready in " + Durations.format(Duration.between(bootStarted, lastReady))
                + (degraded.isEmpty() ? "" : "; degraded: " + String.join(", ", degraded)));
    }
}
