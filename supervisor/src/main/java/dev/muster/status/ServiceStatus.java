package dev.muster.status;

import dev.muster.profile.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one service. Instants are null until the event happened.
 *
 * @param name      the service's name
 * @param kind      service or task
 * @param required  whether its failure stops the stack
 * @param state     where it is
 * @param pid       its process id, 0 when it has none
 * @param startedAt when it was launched
 * @param readyAt   when it became ready (or a task completed)
 * @param address   where it is reached, from its probe ("127.0.0.1:5432"), or "-"
 * @param restarts  how many times it was restarted
 * @param detail    the latest explanation: a probe result, an exit status, a reason
 */
public record ServiceStatus(String name, Kind kind, boolean required, ServiceState state, long pid,
                            Instant startedAt, Instant readyAt, String address, int restarts, String detail) {
    public ServiceStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        address = address == null ? "-" : address;
        detail = detail == null ? "" : detail;
    }

    /** Launch to ready, if both happened. */
    public Duration timeToReady() {
        return startedAt == null || readyAt == null ? null : Duration.between(startedAt, readyAt);
    }

    /** "degraded" for an optional service that failed, else the state's label. */
    public String stateLabel() {
        return state == ServiceState.FAILED && !required ? "degraded" : state.label();
    }

    public ServiceStatus with(ServiceState newState, String newDetail) {
        return new ServiceStatus(name, kind, required, newState, pid, startedAt, readyAt, address, restarts, newDetail);
    }

    public ServiceStatus started(long newPid, Instant at) {
        return new ServiceStatus(name, kind, required, ServiceState.STARTING, newPid, at, null, address, restarts, "");
    }

    /** Counts one more restart and waits for it. */
    public ServiceStatus restarting(String newDetail) {
        return new ServiceStatus(name, kind, required, ServiceState.RESTARTING, 0, startedAt, readyAt, address,
                restarts + 1, newDetail);
    }

    public ServiceStatus ready(ServiceState newState, Instant at, String newDetail) {
        return new ServiceStatus(name, kind, required, newState, pid, startedAt, at, address, restarts, newDetail);
    }
}
