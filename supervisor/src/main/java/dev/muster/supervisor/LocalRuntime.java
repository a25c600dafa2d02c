package dev.muster.supervisor;

import dev.muster.container.ContainerRequest;
import dev.muster.container.Containers;
import dev.muster.logs.ServiceLog;
import dev.muster.preflight.ResolvedService;
import dev.muster.probe.Probe;
import dev.muster.probe.Probes;
import dev.muster.process.LaunchRequest;
import dev.muster.process.OutputListener;
import dev.muster.process.ProcessLauncher;
import dev.muster.process.Workload;
import dev.muster.profile.ProbeSpec;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Real workloads: a container for a service with {@code image:}, else a local process group. */
final class LocalRuntime implements UnitRuntime {
    private final ProcessLauncher launcher;
    private final Probes probes;
    private final Containers containers;
    private final String stack;

    LocalRuntime(ProcessLauncher launcher, Probes probes, Containers containers, String stack) {
        this.launcher = launcher;
        this.probes = probes;
        this.containers = containers;
        this.stack = stack;
    }

    @Override
    public Workload launch(ResolvedService service, OutputListener output) {
        if (service.spec().isContainer()) {
            return containers.launch(new ContainerRequest(stack, service.name(), service.spec().container(),
                    service.spec().argv(), service.env(), output));
        }
        return launcher.launch(request(service, output));
    }

    @Override
    public CompletableFuture<Workload> launchAsync(ResolvedService service, OutputListener output) {
        if (service.spec().isContainer()) {
            return UnitRuntime.super.launchAsync(service, output);
        }
        return launcher.launchAsync(request(service, output)).thenApply(Workload.class::cast);
    }

    /** A local service's launch; the kernel stops it with its own stop signal if muster dies (PR_SET_PDEATHSIG). */
    private static LaunchRequest request(ResolvedService service, OutputListener output) {
        return new LaunchRequest(service.argv(), service.env(), service.cwd(), service.user(), output,
                service.spec().stop().signal());
    }

    @Override
    public Probe probe(ProbeSpec spec, ResolvedService service, ServiceLog log) {
        return probes.create(spec, log, listener -> new LaunchRequest(
                service.argvOf((ProbeSpec.Exec) spec), service.env(), service.cwd(), service.user(), listener));
    }

    @Override
    public String describeLaunch(ResolvedService service) {
        if (service.spec().isContainer()) {
            String command = service.argv().isEmpty() ? " (its default command)" : ": " + quoted(service);
            return ": container from image " + service.spec().container().image() + command;
        }
        String user = service.user() == null ? "" : " (as " + service.user().describe() + ")";
        return ": " + quoted(service) + user;
    }

    /** The arguments as a reader would type them: empty or spaced ones in quotes. */
    private static String quoted(ResolvedService service) {
        return service.argv().stream()
                .map(arg -> arg.isEmpty() || arg.chars().anyMatch(Character::isWhitespace) ? "\"" + arg + "\"" : arg)
                .collect(Collectors.joining(" "));
    }
}
