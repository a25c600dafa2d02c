package dev.muster.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The live state of every service of one stack, in declaration order. Thread-safe. Listeners
 * see every new snapshot of a service, in the order the changes were made.
 */
public final class StackStatus {
    private final Map<String, ServiceStatus> services = new LinkedHashMap<>();
    private final List<Consumer<ServiceStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Long> probeFailures = new LinkedHashMap<>();
    private volatile boolean stopping;

    /**
     * Records that muster has begun stopping the whole stack (a signal, {@code muster down}, a
     * required failure). Terminal: a stack never stops stopping. A service stopped for a restart
     * does not call this.
     */
    public void stopping() {
        stopping = true;
    }

    /** Whether muster has begun stopping the whole stack. */
    public boolean isStopping() {
        return stopping;
    }

    public synchronized void put(ServiceStatus status) {
        services.put(status.name(), status);
        notifyListeners(status);
    }

    /** Applies a change to one service atomically and returns the new snapshot. */
    public synchronized ServiceStatus update(String name, UnaryOperator<ServiceStatus> change) {
        ServiceStatus next = change.apply(services.get(name));
        services.put(name, next);
        notifyListeners(next);
        return next;
    }

    public synchronized ServiceStatus get(String name) {
        return services.get(name);
    }

    /** Counts one failed probe attempt of a service; {@code probe} is "ready" or "live". */
    public synchronized void probeFailed(String name, String probe) {
        probeFailures.merge(name + "\u0000" + probe, 1L, Long::sum);
    }

    /** Failed probe attempts of a service so far; {@code probe} is "ready" or "live". */
    public synchronized long probeFailures(String name, String probe) {
        return probeFailures.getOrDefault(name + "\u0000" + probe, 0L);
    }

    public synchronized List<ServiceStatus> snapshot() {
        return List.copyOf(new ArrayList<>(services.values()));
    }

    /**
     * Calls {@code listener} with every new snapshot of a service, under this object's lock (so in
     * order): it must return quickly and never block.
     */
    public void addListener(Consumer<ServiceStatus> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ServiceStatus> listener) {
        listeners.remove(listener);
    }

    private void notifyListeners(ServiceStatus status) {
        for (Consumer<ServiceStatus> listener : listeners) {
            listener.accept(status);
        }
    }
}
