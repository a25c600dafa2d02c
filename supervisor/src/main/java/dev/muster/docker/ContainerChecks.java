package dev.muster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import dev.muster.MusterException;
import dev.muster.profile.ContainerSpec;
import dev.muster.profile.PublishedPort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The preflight of container services: the engine answers, every image is present locally
 * (muster never pulls), and every fixed host port is free and published by one service only.
 * Ports held by this stack's own containers from an earlier run do not count: those containers
 * are replaced at launch.
 */
final class ContainerChecks {
    private final DockerEngine engine;

    ContainerChecks(DockerEngine engine) {
        this.engine = engine;
    }

    List<String> check(String stack, Map<String, ContainerSpec> services) {
        try {
            engine.ping();
        } catch (MusterException e) {
            return List.of("services." + String.join(", services.", services.keySet()) + ": " + e.getMessage());
        }
        DockerClient client = engine.client();
        List<String> problems = new ArrayList<>();
        services.forEach((name, spec) -> image(client, name, spec, problems));
        ports(client, stack, services, problems);
        return problems;
    }

    private static void image(DockerClient client, String service, ContainerSpec spec, List<String> problems) {
        try {
            client.inspectImageCmd(spec.image()).exec();
        } catch (NotFoundException e) {
            problems.add("services." + service + ".image: " + EngineErrors.missingImage(spec.image()));
        }
    }

    private static void ports(DockerClient client, String stack, Map<String, ContainerSpec> services,
                              List<String> problems) {
        Set<Integer> ours = portsOfStack(client, stack);
        Map<Integer, String> claimed = new HashMap<>();
        services.forEach((name, spec) -> {
            List<PublishedPort> ports = ContainerLayout.ports(spec);
            for (int i = 0; i < ports.size(); i++) {
                PublishedPort port = ports.get(i);
                if (port.hostPort() == 0 || !port.protocol().equals("tcp")) {
                    continue;
                }
                String key = "services." + name + ".ports[" + i + "]";
                String other = claimed.putIfAbsent(port.hostPort(), name);
                if (other != null) {
                    problems.add(key + ": host port " + port.hostPort() + " is also published by " + other
                            + "; give each service its own host port");
                } else if (!ours.contains(port.hostPort()) && !free(port)) {
                    problems.add(key + ": host port " + port.hostPort() + " is already in use; stop what listens there (ss -ltnp 'sport = :"
                            + port.hostPort() + "', docker ps) or publish another host port (\"" + (port.hostPort() + 10000) % 65536
                            + ":" + port.containerPort() + "\")");
                }
            }
        });
    }

    /** Host ports published by containers of this stack that are still there from an earlier run. */
    private static Set<Integer> portsOfStack(DockerClient client, String stack) {
        Set<Integer> ports = new HashSet<>();
        List<Container> containers = client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerLayout.STACK_LABEL, stack)).exec();
        for (Container container : containers) {
            for (ContainerPort port : container.getPorts()) {
                if (port.getPublicPort() != null) {
                    ports.add(port.getPublicPort());
                }
            }
        }
        return ports;
    }

    private static boolean free(PublishedPort port) {
        try (ServerSocket socket = new ServerSocket()) {
            InetAddress address = port.hostIp().isEmpty() ? null : InetAddress.getByName(port.hostIp());
            socket.bind(new InetSocketAddress(address, port.hostPort()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
