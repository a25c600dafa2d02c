package dev.muster.container;

import dev.muster.process.Workload;
import dev.muster.profile.ContainerSpec;
import java.util.List;
import java.util.Map;

/**
 * Runs services as containers. The docker package implements it with docker-java; the supervisor
 * sees only this and {@link Workload}.
 */
public interface Containers {

    /**
     * Creates and starts the container; its logs stream into the request's output.
     *
     * @throws dev.muster.MusterException with a clear message (missing image, engine unreachable,
     *         port clash) when it cannot be started
     */
    Workload launch(ContainerRequest request);

    /**
     * What would stop these container services from starting, for preflight: the engine is not
     * reachable, an image is not present locally, a published host port is taken. Each problem is
     * one line that starts with the profile path ({@code services.redis.image: ...}) and ends with
     * the fix. Changes nothing.
     *
     * @param stack    the profile's name
     * @param services the container services by name
     */
    default List<String> check(String stack, Map<String, ContainerSpec> services) {
        return List.of();
    }

    /** Removes what the stack created besides containers (its network); called once at the end. */
    void close();

    /** For stacks without container services. */
    static Containers none() {
        return new Containers() {
            @Override
            public Workload launch(ContainerRequest request) {
                throw new IllegalStateException("no container runtime configured for " + request.service());
            }

            @Override
            public void close() {
            }
        };
    }
}
