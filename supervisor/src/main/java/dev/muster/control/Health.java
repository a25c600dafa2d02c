package dev.muster.control;

import dev.muster.status.ServiceStatus;
import dev.muster.status.StackHealth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code /health}: the {@link StackHealth} derived from the services' states now,
 * and every service's state label.
 *
 * @param status   ready, booting, restarting, failing or stopping
 * @param services every service's state label, in declaration order
 */
record Health(String status, Map<String, String> services) {
    static Health of(List<ServiceStatus> snapshot, boolean stopping) {
        Map<String, String> states = new LinkedHashMap<>();
        snapshot.forEach(s -> states.put(s.name(), s.stateLabel()));
        return new Health(StackHealth.of(snapshot, stopping).label(), states);
    }

    boolean ready() {
        return status.equals(StackHealth.READY.label());
    }

    boolean stopping() {
        return status.equals(StackHealth.STOPPING.label());
    }
}
