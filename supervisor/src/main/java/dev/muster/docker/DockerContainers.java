package dev.muster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.muster.MusterException;
import dev.muster.container.ContainerRequest;
import dev.muster.container.Containers;
import dev.muster.process.ExitStatus;
import dev.muster.process.Workload;
import dev.muster.profile.ContainerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Runs container services with docker-java: one user-defined bridge network per stack
 * ({@code muster-<stack>}, where each container is reachable by its service name), containers
 * named {@code <stack>-<service>} and labelled {@code dev.muster.stack}. {@link #close()} removes
 * every container it started and the network if it created it. The engine is contacted only when
 * a container service is checked or launched.
 */
public final class DockerContainers implements Containers {
    private final DockerEngine engine;
    private final ContainerLayout layout;
    private final Consumer<String> info;
    private final List<ContainerWorkload> launched = new CopyOnWriteArrayList<>();
    private final List<String> createdNetworks = new ArrayList<>();
    private final List<String> knownNetworks = new ArrayList<>();
    private final java.util.Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param environment muster's environment ({@code DOCKER_HOST}, {@code HOME})
     * @param workDir     muster's working directory: relative bind mounts are resolved against it
     * @param info        receives one-line notes (network created, removed)
     */
    public DockerContainers(Map<String, String> environment, Path workDir, Consumer<String> info) {
        this(new DockerEngine(environment), new ContainerLayout(workDir, environment), info);
    }

    DockerContainers(DockerEngine engine, ContainerLayout layout, Consumer<String> info) {
        this.engine = engine;
        this.layout = layout;
        this.info = info;
    }

    @Override
    public List<String> check(String stack, Map<String, ContainerSpec> services) {
        return new ContainerChecks(engine).check(stack, services);
    }

    @Override
    public Workload launch(ContainerRequest request) {
        String image = request.spec().image();
        DockerClient client = engine.client();
        try {
            String network = network(client, request.stack());
            String name = ContainerLayout.containerName(request.stack(), request.service());
            removeStale(client, name);
            String id = create(client, request, name, network).exec().getId();
            return start(client, id, request);
        } catch (MusterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw EngineErrors.launchFailed(request.service(), image, engine, e);
        }
    }

    private CreateContainerCmd create(DockerClient client, ContainerRequest request, String name, String network) {
        CreateContainerCmd create = client.createContainerCmd(request.spec().image()).withName(name)
                .withLabels(ContainerLayout.labels(request.stack(), request.service()))
                .withEnv(request.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withExposedPorts(layout.exposedPorts(request.spec()))
                .withHostConfig(layout.hostConfig(request.spec(), network))
                .withAliases(request.service());
        return request.command().isEmpty() ? create : create.withCmd(request.command());
    }

    private ContainerWorkload start(DockerClient client, String id, ContainerRequest request) {
        try {
            client.startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            removeQuietly(client, id);
            throw e;
        }
        LogLines logs = client.logContainerCmd(id).withFollowStream(true).withStdOut(true).withStdErr(true)
                .exec(new LogLines(request.output()));
        CompletableFuture<ExitStatus> exit = ContainerExit.watch(client, id);
        Long pid = client.inspectContainerCmd(id).exec().getState().getPidLong();
        ContainerWorkload workload = new ContainerWorkload(client, id, pid == null ? 0 : pid, exit, logs.done());
        launched.add(workload);
        return workload;
    }

    /** The exit code the engine recorded, when the wait stream broke; 255 when it cannot tell. */
    /** The stack's network, created (and remembered for removal) when missing. */
    private synchronized String network(DockerClient client, String stack) {
        String name = ContainerLayout.networkName(stack);
        if (knownNetworks.contains(name)) {
            return name;
        }
        boolean exists = client.listNetworksCmd().withNameFilter(name).exec().stream()
                .anyMatch(network -> network.getName().equals(name));
        if (!exists) {
            client.createNetworkCmd().withName(name).withDriver("bridge")
                    .withLabels(Map.of(ContainerLayout.STACK_LABEL, stack)).exec();
            createdNetworks.add(name);
            info.accept("created network " + name + " (containers reach each other by service name)");
        }
        knownNetworks.add(name);
        return name;
    }

    private void removeStale(DockerClient client, String name) {
        try {
            client.removeContainerCmd(name).withForce(true).exec();
            if (names.add(name)) {
                info.accept("removed stale container " + name + " left by an earlier run");
            }
        } catch (NotFoundException e) {
            names.add(name);
        }
    }

    private static void removeQuietly(DockerClient client, String id) {
        try {
            client.removeContainerCmd(id).withForce(true).exec();
        } catch (RuntimeException e) {
            // Best effort: the launch failure is what gets reported.
        }
    }

    /** Removes every container it started (they have been stopped by now), then the network it created. */
    @Override
    public void close() {
        for (ContainerWorkload workload : launched) {
            workload.awaitOutput(java.time.Duration.ofSeconds(1));
            workload.remove();
        }
        launched.clear();
        synchronized (this) {
            for (String network : createdNetworks) {
                try {
                    engine.client().removeNetworkCmd(network).exec();
                } catch (DockerException e) {
                    info.accept("could not remove network " + network + ": " + EngineErrors.reason(e)
                            + "; remove it with docker network rm " + network);
                } catch (RuntimeException e) {
                    info.accept("could not remove network " + network + ": " + engine.unreachable(e));
                }
            }
            createdNetworks.clear();
            knownNetworks.clear();
        }
        engine.close();
    }
}
