package dev.muster.container;

import dev.muster.process.OutputListener;
import dev.muster.profile.ContainerSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to run one service as a container.
 *
 * @param stack   the profile's name: containers of one stack share a network named after it
 * @param service the service's name, also its host name on that network
 * @param spec    image, ports, volumes
 * @param command the command (empty: the image's default)
 * @param env     the profile's and the service's env (not muster's whole environment)
 * @param output  where each line of the container's stdout and stderr goes
 */
public record ContainerRequest(String stack, String service, ContainerSpec spec, List<String> command,
                               Map<String, String> env, OutputListener output) {
    public ContainerRequest {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(spec, "spec");
        command = List.copyOf(command);
        env = Map.copyOf(env);
        Objects.requireNonNull(output, "output");
    }
}
