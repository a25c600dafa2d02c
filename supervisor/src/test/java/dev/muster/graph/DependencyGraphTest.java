package dev.muster.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    /** Services from "name:dep,dep" strings, in the given order. */
    private static DependencyGraph graph(String... services) {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        for (String service : services) {
            String[] parts = service.split(":", -1);
            Set<String> dependsOn = new LinkedHashSet<>();
            if (parts.length > 1 && !parts[1].isEmpty()) {
                dependsOn.addAll(List.of(parts[1].split(",")));
            }
            edges.put(parts[0], dependsOn);
        }
        return DependencyGraph.of(edges);
    }

    @Test
    void startOrderPutsDependenciesFirst() {
        assertThat(graph("app:db,cache", "db:init", "cache", "init").startOrder())
                .containsExactly("cache", "init", "db", "app");
    }

    @Test
    void startOrderKeepsDeclarationOrderAmongIndependents() {
        assertThat(graph("c", "a", "b").startOrder()).containsExactly("c", "a", "b");
        assertThat(graph("frontend:backend", "worker", "backend", "docs").startOrder())
                .containsExactly("worker", "backend", "frontend", "docs");
    }

    @Test
    void namesTheCycle() {
        DependencyGraph graph = graph("ok", "a:b", "b:c", "c:a");

        assertThat(graph.findCycle()).contains(List.of("a", "b", "c", "a"));
        assertThatThrownBy(graph::startOrder).isInstanceOfSatisfying(MusterException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCodes.INVALID_PROFILE);
            assertThat(e.getMessage()).isEqualTo(
                    "services: dependency cycle a -> b -> c -> a; remove one of these depends_on entries");
        });
    }

    @Test
    void findsNoCycleInADiamond() {
        assertThat(graph("top:left,right", "left:bottom", "right:bottom", "bottom").findCycle()).isEmpty();
    }

    @Test
    void answersDirectAndTransitiveNeighbours() {
        DependencyGraph graph = graph("db", "migrate:db", "app:migrate,db", "web:app", "other");

        assertThat(graph.dependenciesOf("app")).containsExactly("migrate", "db");
        assertThat(graph.dependentsOf("db")).containsExactly("migrate", "app");
        assertThat(graph.transitiveDependentsOf("db")).containsExactly("migrate", "app", "web");
        assertThat(graph.transitiveDependentsOf("other")).isEmpty();
    }

    @Test
    void ignoresDependenciesOnUndeclaredServices() {
        DependencyGraph graph = graph("app:ghost");

        assertThat(graph.dependenciesOf("app")).isEmpty();
        assertThat(graph.startOrder()).containsExactly("app");
    }
}
