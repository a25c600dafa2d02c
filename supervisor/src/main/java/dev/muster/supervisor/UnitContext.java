package dev.muster.supervisor;

import dev.muster.graph.DependencyGraph;
import dev.muster.logs.Console;
import dev.muster.logs.ServiceLog;
import dev.muster.preflight.ResolvedService;
import dev.muster.probe.Poller;
import dev.muster.probe.Probe;
import dev.muster.process.Sleeper;
import dev.muster.profile.Kind;
import dev.muster.profile.ProbeSpec;
import dev.muster.status.StackStatus;
import dev.muster.step.InProcessStep;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * The collaborators every {@link ServiceUnit} of one stack shares. No unit is referenced here.
 *
 * @param runtime  launches workloads and creates probes
 * @param console  the terminal
 * @param status   the live state of the stack
 * @param clock    time
 * @param sleeper  the one way to wait (with {@code clock}, replaced in tests)
 * @param events   the supervisor's callback
 * @param redact   removes secrets from text that is printed
 * @param steps    the in-process work of the schema and migrations kinds
 * @param graph    the stack's dependencies
 * @param executor where a unit's next step runs once what it waits for completed (never a thread that
 *                 completes a process's exit future: that is Java's process reaper)
 */
record UnitContext(UnitRuntime runtime, Console console, StackStatus status, Clock clock, Sleeper sleeper,
                   UnitEvents events, UnaryOperator<String> redact, Map<Kind, InProcessStep> steps,
                   DependencyGraph graph, Executor executor) {

    /** The services that depend on {@code name}, directly or not. */
    List<String> dependentsOf(String name) {
        return List.copyOf(graph.transitiveDependentsOf(name));
    }

    Poller poller() {
        return new Poller(clock, sleeper);
    }

    /** A probe of the service, counting its failures as {@code kind} ("ready" or "live"). */
    Probe probe(ProbeSpec spec, String kind, ResolvedService service, ServiceLog log) {
        return new CountingProbe(runtime.probe(spec, service, log), status, service.name(), kind);
    }

    /** ": /usr/bin/redis-server --port 6379 (as redis)" with secrets removed. */
    String describeLaunch(ResolvedService service) {
        return redact.apply(runtime.describeLaunch(service));
    }
}
