package dev.muster.supervisor;

import dev.muster.graph.DependencyGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Stops every unit in reverse dependency order: a unit is stopped only after everything that
 * depends on it has stopped; units that do not depend on each other stop in parallel. Hooks
 * registered for a unit (an on-stop dump of its database) run in that gap: every dependent has
 * stopped, the unit itself still runs.
 */
final class Shutdown {
    private final DependencyGraph graph;
    private final Map<String, ServiceUnit> units;
    private final Executor executor;
    private final Map<String, List<Runnable>> beforeStop;

    /** @param beforeStop per unit, hooks run after all its dependents stopped and before it is stopped */
    Shutdown(DependencyGraph graph, Map<String, ServiceUnit> units, Executor executor, Map<String, List<Runnable>> beforeStop) {
        this.graph = graph;
        this.units = units;
        this.executor = executor;
        this.beforeStop = beforeStop;
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
                            beforeStop.getOrDefault(name, List.of()).forEach(Runnable::run);
                        } finally {
                            unit.stop();
                        }
                        return null;
                    }, executor));
        }
        CompletableFuture.allOf(stopped.values().toArray(CompletableFuture[]::new)).join();
    }
}
