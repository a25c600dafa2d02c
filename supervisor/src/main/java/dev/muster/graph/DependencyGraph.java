package dev.muster.graph;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The services of a profile and their {@code depends_on} edges, in declaration order. Edges to
 * services that are not declared are ignored (the profile loader reports them). Immutable. Knows
 * only names, so the profile package can use it without a cycle.
 */
public final class DependencyGraph {
    private final Map<String, Set<String>> dependencies;
    private final Map<String, Set<String>> dependents;

    private DependencyGraph(Map<String, Set<String>> dependencies, Map<String, Set<String>> dependents) {
        this.dependencies = dependencies;
        this.dependents = dependents;
    }

    /** @param services every service's name, in declaration order, to the names it depends on */
    public static DependencyGraph of(Map<String, ? extends Set<String>> services) {
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        Map<String, Set<String>> dependents = new LinkedHashMap<>();
        services.keySet().forEach(name -> dependents.put(name, new LinkedHashSet<>()));
        services.forEach((name, edges) -> {
            Set<String> direct = new LinkedHashSet<>();
            for (String dependency : edges) {
                if (services.containsKey(dependency)) {
                    direct.add(dependency);
                    dependents.get(dependency).add(name);
                }
            }
            dependencies.put(name, Collections.unmodifiableSet(direct));
        });
        dependents.replaceAll((name, set) -> Collections.unmodifiableSet(set));
        return new DependencyGraph(Collections.unmodifiableMap(dependencies), Collections.unmodifiableMap(dependents));
    }

    /** A dependency cycle as a closed path such as {@code [a, b, c, a]}, where a depends on b; empty if none. */
    public Optional<List<String>> findCycle() {
        Map<String, Integer> state = new LinkedHashMap<>();
        for (String start : dependencies.keySet()) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> cycle = visit(start, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> visit(String name, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(name);
        if (seen != null && seen == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            return Optional.of(List.copyOf(cycle));
        }
        if (seen != null) {
            return Optional.empty();
        }
        state.put(name, 1);
        path.add(name);
        for (String dependency : dependencies.get(name)) {
            Optional<List<String>> cycle = visit(dependency, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(name, 2);
        return Optional.empty();
    }

    /**
     * Every service after all of its dependencies; among services whose dependencies are all
     * placed, the one declared first goes first.
     *
     * @throws MusterException (exit 2) when the dependencies form a cycle
     */
    public List<String> startOrder() {
        findCycle().ifPresent(cycle -> {
            throw new MusterException(ExitCodes.INVALID_PROFILE, "services: dependency cycle "
                    + String.join(" -> ", cycle) + "; remove one of these depends_on entries");
        });
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (order.size() < dependencies.size()) {
            for (Map.Entry<String, Set<String>> entry : dependencies.entrySet()) {
                if (!placed.contains(entry.getKey()) && placed.containsAll(entry.getValue())) {
                    placed.add(entry.getKey());
                    order.add(entry.getKey());
                    break;
                }
            }
        }
        return List.copyOf(order);
    }

    /** The services {@code name} depends on directly, in the order it lists them. */
    public Set<String> dependenciesOf(String name) {
        return lookup(dependencies, name);
    }

    /** The services that depend directly on {@code name}, in declaration order. */
    public Set<String> dependentsOf(String name) {
        return lookup(dependents, name);
    }

    /** Every service that depends on {@code name} directly or indirectly, nearest first. */
    public Set<String> transitiveDependentsOf(String name) {
        Set<String> found = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(dependentsOf(name));
        while (!queue.isEmpty()) {
            String next = queue.remove(0);
            if (found.add(next)) {
                queue.addAll(dependentsOf(next));
            }
        }
        return Collections.unmodifiableSet(found);
    }

    private static Set<String> lookup(Map<String, Set<String>> edges, String name) {
        Set<String> found = edges.get(name);
        if (found == null) {
            throw new IllegalArgumentException("no service named '" + name + "' in this profile; known: " + edges.keySet());
        }
        return found;
    }
}
