package dev.muster.profile;

import java.util.List;
import java.util.Objects;

/**
 * A service that runs as a Docker container instead of a local process ({@code image:}).
 *
 * @param image   the image reference, e.g. {@code postgres:15} or {@code local/redis:test}
 * @param ports   published ports in Docker's syntax: {@code "5432:5432"}, {@code "127.0.0.1:6379:6379"}
 * @param volumes mounts in Docker's syntax: {@code "pgdata:/var/lib/postgresql/data"}, {@code "./init:/init:ro"}
 */
public record ContainerSpec(String image, List<String> ports, List<String> volumes) {
    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        ports = List.copyOf(ports);
        volumes = List.copyOf(volumes);
    }
}
