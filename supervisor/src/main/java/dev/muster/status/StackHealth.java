package dev.muster.status;

import java.util.List;
import java.util.Locale;

/**
 * The stack's condition, derived from its services' states at the moment it is asked, as
 * Kubernetes derives a Pod's Ready condition from its containers: nothing is remembered, so a
 * restarted service that is ready again makes the stack ready again. Optional services never
 * make the stack unhealthy.
 */
public enum StackHealth {
    /** Every required service is up (ready, completed, skipped or disabled). */
    READY,
    /** Some required service has not been up yet. */
    BOOTING,
    /** A required service was up before and is being restarted. */
    RESTARTING,
    /** A required service failed or will never start. */
    FAILING,
    /** muster is stopping the stack. */
    STOPPING;

    /**
     * @param snapshot every service's state
     * @param stopping whether muster has begun stopping the whole stack (a service stopped for
     *                 a restart does not count)
     */
    public static StackHealth of(List<ServiceStatus> snapshot, boolean stopping) {
        if (stopping) {
            return STOPPING;
        }
        List<ServiceStatus> required = snapshot.stream().filter(ServiceStatus::required).toList();
        if (required.stream().anyMatch(s -> s.state() == ServiceState.FAILED || s.state() == ServiceState.NOT_STARTED)) {
            return FAILING;
        }
        if (required.stream().allMatch(s -> s.state().up())) {
            return READY;
        }
        boolean restarting = required.stream().anyMatch(s -> !s.state().up() && (s.restarts() > 0
                || s.state() == ServiceState.RESTARTING || s.state() == ServiceState.STOPPING
                || s.state() == ServiceState.STOPPED));
        return restarting ? RESTARTING : BOOTING;
    }

    /** What {@code /health} and {@code status} show: "ready", "booting", ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean ready() {
        return this == READY;
    }
}
