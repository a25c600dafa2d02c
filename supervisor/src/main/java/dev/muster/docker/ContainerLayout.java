package dev.muster.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import dev.muster.profile.ContainerSpec;
import dev.muster.profile.PublishedPort;
import dev.muster.profile.VolumeMount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a service's {@link ContainerSpec} maps onto Docker: names, published ports, mounts and
 * labels. Relative bind-mount sources are resolved against muster's working directory, and
 * {@code ~} against {@code HOME}.
 */
final class ContainerLayout {
    /** The label every container and network muster creates carries: the stack's name. */
    static final String STACK_LABEL = "dev.muster.stack";
    /** The service a container runs. */
    static final String SERVICE_LABEL = "dev.muster.service";

    private final Path workDir;
    private final String home;

    ContainerLayout(Path workDir, Map<String, String> environment) {
        this.workDir = workDir.toAbsolutePath();
        this.home = environment.getOrDefault("HOME", "/root");
    }

    /** {@code <stack>-<service>}, with characters Docker does not accept in names replaced by {@code _}. */
    static String containerName(String stack, String service) {
        return safe(stack + "-" + service);
    }

    /** {@code muster-<stack>}: the stack's bridge network. */
    static String networkName(String stack) {
        return safe("muster-" + stack);
    }

    private static String safe(String name) {
        String cleaned = name.replaceAll("[^a-zA-Z0-9_.-]", "_");
        return Character.isLetterOrDigit(cleaned.charAt(0)) ? cleaned : "x" + cleaned;
    }

    static Map<String, String> labels(String stack, String service) {
        return Map.of(STACK_LABEL, stack, SERVICE_LABEL, service);
    }

    List<ExposedPort> exposedPorts(ContainerSpec spec) {
        return ports(spec).stream().map(ContainerLayout::exposed).toList();
    }

    /** The host config: published ports, mounts, and the stack's network. */
    HostConfig hostConfig(ContainerSpec spec, String network) {
        Ports bindings = new Ports();
        for (PublishedPort port : ports(spec)) {
            Ports.Binding binding = port.hostPort() == 0
                    ? (port.hostIp().isEmpty() ? Ports.Binding.empty() : Ports.Binding.bindIp(port.hostIp()))
                    : Ports.Binding.bindIpAndPort(port.hostIp().isEmpty() ? null : port.hostIp(), port.hostPort());
            bindings.add(new PortBinding(binding, exposed(port)));
        }
        return HostConfig.newHostConfig().withPortBindings(bindings).withBinds(binds(spec)).withNetworkMode(network);
    }

    List<Bind> binds(ContainerSpec spec) {
        List<Bind> binds = new ArrayList<>();
        for (String text : spec.volumes()) {
            VolumeMount mount = VolumeMount.parse(text).orElseThrow(() -> new IllegalArgumentException(text));
            binds.add(new Bind(source(mount), new Volume(mount.target()), mount.readOnly() ? AccessMode.ro : AccessMode.rw));
        }
        return binds;
    }

    /** A named volume as is; a host path made absolute. */
    String source(VolumeMount mount) {
        if (!mount.isBind()) {
            return mount.source();
        }
        if (mount.source().startsWith("~")) {
            return Path.of(home + mount.source().substring(1)).normalize().toString();
        }
        return workDir.resolve(mount.source()).normalize().toString();
    }

    static List<PublishedPort> ports(ContainerSpec spec) {
        return spec.ports().stream()
                .map(text -> PublishedPort.parse(text).orElseThrow(() -> new IllegalArgumentException(text))).toList();
    }

    private static ExposedPort exposed(PublishedPort port) {
        return port.protocol().equals("udp") ? ExposedPort.udp(port.containerPort()) : ExposedPort.tcp(port.containerPort());
    }
}
