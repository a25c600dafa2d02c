package dev.muster.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The live state of every service of one stack, in declaration order. Thread-safe. */
public final class StackStatus {
    private final Map<String, ServiceStatus> services = new LinkedHashMap<>();

    public synchronized void put(ServiceStatus status) {
        services.put(status.name(), status);
    }

    /** Applies a change to one service atomically and returns the new snapshot. */
    public synchronized ServiceStatus update(String name, UnaryOperator<ServiceStatus> change) {
        ServiceStatus next = change.apply(services.get(name));
        services.put(name, next);
        return next;
    }

    public synchronized ServiceStatus get(String name) {
        return services.get(name);
    }

    public synchronized List<ServiceStatus> snapshot() {
        return List.copyOf(new ArrayList<>(services.values()));
    }
}
