package dev.muster.control;

import dev.muster.status.ServiceStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code /health}: ready only while every required service is ready (tasks: completed
 * or skipped) and muster is not stopping. Optional services never make the stack unhealthy.
 *
 * @param status   ready, booting, restarting, failing or stopping
 * @param services every service's state label, in declaration order
 */
record Health(String status, Map<String, String> services) {
    static Health of(List<ServiceStatus> snapshot, boolean stopping) {
        Map<String, String> states = new LinkedHashMap<>();
        snapshot.forEach(s -> states.put(s.name(), s.stateLabel()));
        List<ServiceStatus> required = snapshot.stream().filter(ServiceStatus::required).toList();
        String status;
        if (stopping || required.stream().anyMatch(s -> is(s, "STOPPING") || is(s, "STOPPED"))) {
            status = "stopping";
        } else if (required.stream().anyMatch(s -> is(s, "FAILED") || is(s, "NOT_STARTED"))) {
            status = "failing";
        } else if (required.stream().anyMatch(s -> is(s, "RESTARTING")
                || (s.restarts() > 0 && !ServiceReport.isReady(s.state().name())))) {
            status = "restarting";
        } else if (required.stream().allMatch(s -> ServiceReport.isReady(s.state().name()))) {
            status = "ready";
        } else {
            status = "booting";
        }
        return new Health(status, states);
    }

    boolean ready() {
        return status.equals("ready");
    }

    private static boolean is(ServiceStatus status, String state) {
        return status.state().name().equals(state);
    }
}
