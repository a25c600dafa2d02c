package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Binds {@code depends_on}: a list of names (short form: completed for a task, ready for a
 * service), or a mapping of name to a condition ({@code started}, {@code ready},
 * {@code completed}) or to {@code { condition: ..., restart: true }} (restart this service
 * whenever that dependency is ready again after a restart). {@code completed} is refused for a
 * dependency that does not run to completion (a long-running service), since it never comes.
 */
final class DependencyBinder {
    private final ProblemCollector problems;
    private final Scalars scalars;
    private final Map<String, Kind> kinds;
    private final Set<String> restartWith = new LinkedHashSet<>();

    DependencyBinder(ProblemCollector problems, Map<String, Kind> kinds) {
        this.problems = problems;
        this.scalars = new Scalars(problems);
        this.kinds = kinds;
    }

    Map<String, Condition> bind(String self, Section service) {
        Map<String, Condition> dependencies = new LinkedHashMap<>();
        Optional<JsonNode> value = service.value("depends_on");
        String path = service.pathOf("depends_on");
        if (value.isEmpty()) {
            return dependencies;
        }
        if (value.get().isObject()) {
            for (Map.Entry<String, JsonNode> entry : value.get().properties()) {
                String at = path + "." + entry.getKey();
                Optional<Condition> condition = condition(entry.getKey(), entry.getValue(), at);
                if (known(self, entry.getKey(), at) && condition.isPresent()
                        && completes(entry.getKey(), condition.get(), at)) {
                    dependencies.put(entry.getKey(), condition.get());
                } else {
                    restartWith.remove(entry.getKey());
                }
            }
            return dependencies;
        }
        scalars.list(value.get(), path).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                String at = LocationIndex.element(path, i);
                scalars.text(items.get(i), at).filter(name -> known(self, name, at))
                        .ifPresent(name -> dependencies.put(name,
                                kinds.get(name).runsToCompletion() ? Condition.COMPLETED : Condition.READY));
            }
        });
        return dependencies;
    }

    private boolean known(String self, String name, String path) {
        if (name.equals(self)) {
            problems.add(path, "'" + name + "' depends on itself; remove it from depends_on");
            return false;
        }
        if (!kinds.containsKey(name)) {
            String hint = Spelling.closest(name, kinds.keySet()).map(g -> "did you mean '" + g + "'? ").orElse("");
            problems.add(path, "unknown service '" + name + "'; " + hint + "the services are: "
                    + String.join(", ", kinds.keySet()));
            return false;
        }
        return true;
    }

    /** False, after reporting it, when {@code completed} is asked of a service that never completes. */
    private boolean completes(String name, Condition condition, String path) {
        Kind kind = kinds.get(name);
        if (condition != Condition.COMPLETED || kind.runsToCompletion()) {
            return true;
        }
        problems.add(path, "'" + name + "' is a " + kind.yamlName() + ", which runs until it is stopped and never"
                + " completes, so this service would wait forever; write " + name + ": ready (or started), or give '"
                + name + "' kind: task if it runs once and exits");
        return false;
    }

    /** The dependencies declared with {@code restart: true}, after {@link #bind}. */
    Set<String> restartWith() {
        return Set.copyOf(restartWith);
    }

    private Optional<Condition> condition(String name, JsonNode value, String path) {
        if (value.isObject()) {
            return Section.sectionOf(value, path, problems).flatMap(section -> {
                Optional<JsonNode> inner = section.require("condition", "ready")
                        ? section.value("condition") : Optional.empty();
                if (section.bool("restart", false)) {
                    restartWith(name, section);
                }
                section.rejectUnknown();
                return inner.flatMap(v -> condition(v, section.pathOf("condition")));
            });
        }
        return condition(value, path);
    }

    private void restartWith(String name, Section section) {
        Kind kind = kinds.get(name);
        if (kind != null && kind.runsToCompletion()) {
            section.problem("restart", "'" + name + "' is a " + kind.yamlName() + ", which is never restarted; remove restart: true");
        } else {
            restartWith.add(name);
        }
    }

    private Optional<Condition> condition(JsonNode value, String path) {
        return scalars.text(value, path).flatMap(text -> {
            for (Condition condition : Condition.values()) {
                if (condition.yamlName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(condition);
                }
            }
            problems.add(path, "\"" + text + "\" is not a condition; write started, ready or completed");
            return Optional.empty();
        });
    }
}
