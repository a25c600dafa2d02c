package dev.muster.supervisor;

import dev.muster.container.ContainerRequest;
import dev.muster.container.Containers;
import dev.muster.graph.DependencyGraph;
import dev.muster.logs.Console;
import dev.muster.logs.ServiceLog;
import dev.muster.preflight.ResolvedService;
import dev.muster.probe.Probe;
import dev.muster.probe.Probes;
import dev.muster.process.LaunchRequest;
import dev.muster.process.ProcessLauncher;
import dev.muster.process.Workload;
import dev.muster.profile.Kind;
import dev.muster.status.StackStatus;
import dev.muster.step.InProcessStep;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * The collaborators every {@link ServiceUnit} of one stack shares.
 *
 * @param launcher starts processes
 * @param probes   creates readiness probes
 * @param console  the terminal
 * @param status   the live state of the stack
 * @param clock    time, injectable for tests
 * @param events   the supervisor's callbacks
 * @param executor runs follow-up work off the JVM's process-reaper thread
 * @param redact   removes secrets from text that is printed
 * @param steps    the in-process work of the schema and migrations kinds
 * @param graph    the stack's dependencies
 * @param containers runs services that have an {@code image:}
 * @param stack    the profile's name
 */
record UnitContext(ProcessLauncher launcher, Probes probes, Console console, StackStatus status, Clock clock,
                   UnitEvents events, Executor executor, UnaryOperator<String> redact, Map<Kind, InProcessStep> steps,
                   DependencyGraph graph, Containers containers, String stack) {

    /** The services that depend on {@code name}, directly or not. */
    List<String> dependentsOf(String name) {
        return List.copyOf(graph.transitiveDependentsOf(name));
    }

    /** Starts the service's workload: a container for an {@code image:}, else a local process group. */
    Workload launch(ResolvedService service, ServiceLog log) {
        if (service.spec().isContainer()) {
            return containers.launch(new ContainerRequest(stack, service.name(), service.spec().container(),
                    service.spec().argv(), service.env(), log));
        }
        // host: the kernel stops the service with its own stop signal if muster dies (PR_SET_PDEATHSIG).
        return launcher.launch(new LaunchRequest(service.argv(), service.env(), service.cwd(), service.user(), log,
                service.spec().stop().signal()));
    }

    /** A probe of the service, counting its failures as {@code kind} ("ready" or "live"). */
    Probe probe(dev.muster.profile.ProbeSpec spec, String kind, ResolvedService service, ServiceLog log) {
        return new CountingProbe(create(spec, service, log), status, service.name(), kind);
    }

    private Probe create(dev.muster.profile.ProbeSpec spec, ResolvedService service, ServiceLog log) {
        return probes.create(spec, log, listener -> new LaunchRequest(
                service.argvOf((dev.muster.profile.ProbeSpec.Exec) spec), service.env(), service.cwd(), service.user(), listener));
    }

    /** ": /usr/bin/redis-server --port 6379 (as redis)" with secrets removed. */
    String describeLaunch(ResolvedService service) {
        if (service.spec().isContainer()) {
            String command = service.argv().isEmpty() ? " (its default command)"
                    : ": " + service.argv().stream().map(UnitContext::quoted).collect(java.util.stream.Collectors.joining(" "));
            return redact.apply(": container from image " + service.spec().container().image() + command);
        }
        String user = service.user() == null ? "" : " (as " + service.user().describe() + ")";
        return redact.apply(": " + service.argv().stream().map(UnitContext::quoted)
                .collect(java.util.stream.Collectors.joining(" ")) + user);
    }

    /** An argument as a reader would type it: empty or spaced ones in quotes. */
    private static String quoted(String arg) {
        return arg.isEmpty() || arg.chars().anyMatch(Character::isWhitespace) ? "\"" + arg + "\"" : arg;
    }
}
