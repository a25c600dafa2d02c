package dev.muster.container;

import dev.muster.process.Workload;

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
