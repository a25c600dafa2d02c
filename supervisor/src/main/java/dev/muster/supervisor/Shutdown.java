package dev.muster.supervisor;

import dev.muster.graph.DependencyGraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Stops every unit in reverse dependency order: a unit is stopped only after everything that
 * depends on it has stopped; units that do not depend on each other stop in parallel. Hooks
 * registered for a unit (an on-stop dump of its database) run in that gap: every dependent has
 * stopped, the unit itself still runs. Under {@link StopLimits} (a signal and a known grace), each
 * hook and each stop gets its share of the budget instead of its own timeout.
 */
final class Shutdown {
    private final DependencyGraph graph;
    private final Map<String, ServiceUnit> units;
    private final Executor executor;
    private final Map<String, List<Consumer<Duration>>> beforeStop;
    private final StopLimits limits;
    private final Supplier<Duration> sinceSignal;

    /**
     * @param beforeStop  per unit, hooks run after all its dependents stopped and before it is stopped; each is
     *                    given how long it may take, or null when no budget applies
     * @param limits      the budget's limits, or null for every unit's own stop timeout
     * @param sinceSignal the time since the stop signal arrived, which the limits are measured from
     */
    Shutdown(DependencyGraph graph, Map<String, ServiceUnit> units, Executor executor,
             Map<String, List<Consumer<Duration>>> beforeStop, StopLimits limits, Supplier<Duration> sinceSignal) {
        this.graph = graph;
        this.units = units;
        this.executor = executor;
        this.beforeStop = beforeStop;
        this.limits = limits;
        this.sinceSignal = sinceSignal;
    }

    /** Stops everything; returns when every unit has stopped. */
    void run() {
        List<String> order = new ArrayList<>(graph.startOrder());
        java.util.Collections.reverse(order);
        Map<String, CompletableFuture<Void>> stopped = new HashMap<>();
        for (String name : order) {
            List<CompletableFuture<Void>> dependents = new ArrayList<>();
            for (String dependent : graph.dependentsOf(name)) {
                dependents.add(stopped.get(dependent));
            }
            ServiceUnit unit = units.get(name);
            stopped.put(name, CompletableFuture.allOf(dependents.toArray(CompletableFuture[]::new))
                    .handleAsync((ok, error) -> {
                        try {
                            beforeStop.getOrDefault(name, List.of()).forEach(hook -> hook.accept(
                                    limits == null ? null : limits.hooks(name, sinceSignal.get())));
                        } finally {
                            stop(name, unit);
                        }
                        return null;
                    }, executor));
        }
        CompletableFuture.allOf(stopped.values().toArray(CompletableFuture[]::new)).join();
    }

    private void stop(String name, ServiceUnit unit) {
        Duration own = unit.service().spec().stop().timeout();
        unit.stop(limits == null ? own : limits.stop(name, own, sinceSignal.get()));
    }
}
