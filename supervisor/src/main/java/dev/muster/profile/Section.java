package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A cursor over one YAML mapping that binds values into typed Java values. Every getter reports
 * a wrong value to the shared {@link ProblemCollector} and returns empty instead of failing, so
 * that all problems of a profile are found in one pass. It remembers the keys it was asked for;
 * {@link #rejectUnknown()} then reports every other key, with a "did you mean" hint. A key whose
 * value is {@code null} counts as absent.
 */
final class Section {
    private final ObjectNode node;
    private final String path;
    private final ProblemCollector problems;
    private final Set<String> known = new LinkedHashSet<>();
    private final Scalars scalars;

    Section(ObjectNode node, String path, ProblemCollector problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.scalars = new Scalars(problems);
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return LocationIndex.child(path, key);
    }

    Scalars scalars() {
        return scalars;
    }

    void problem(String key, String message) {
        problems.add(pathOf(key), message);
    }

    /** The value under {@code key}; empty when absent or null. */
    Optional<JsonNode> value(String key) {
        known.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    Optional<String> text(String key) {
        return value(key).flatMap(v -> scalars.text(v, pathOf(key)));
    }

    /** Whether {@code key} has a value; when not, reports it missing with {@code example} as the fix. */
    boolean require(String key, String example) {
        if (value(key).isEmpty()) {
            problems.add(path, pathOf(key), "missing; add " + key + ": " + example);
            return false;
        }
        return true;
    }

    /** The text under {@code key}; when absent, reports it missing with {@code example} as the fix. */
    Optional<String> required(String key, String example) {
        return require(key, example) ? text(key) : Optional.empty();
    }

    Optional<Integer> integer(String key, int min, int max) {
        return value(key).flatMap(v -> scalars.integer(v, pathOf(key), min, max));
    }

    boolean bool(String key, boolean defaultValue) {
        return value(key).flatMap(v -> scalars.bool(v, pathOf(key))).orElse(defaultValue);
    }

    Optional<Duration> duration(String key, boolean allowZero) {
        return value(key).flatMap(v -> scalars.duration(v, pathOf(key), allowZero));
    }

    /** The mapping under {@code key} as a section; reports anything else. */
    Optional<Section> section(String key) {
        return value(key).flatMap(v -> sectionOf(v, pathOf(key), problems));
    }

    /** A list of single values under {@code key}, as text; absent is empty. */
    List<String> texts(String key) {
        List<String> texts = new ArrayList<>();
        value(key).flatMap(v -> scalars.list(v, pathOf(key))).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                scalars.text(items.get(i), LocationIndex.element(pathOf(key), i)).ifPresent(texts::add);
            }
        });
        return texts;
    }

    /** The entries of the mapping under {@code key}, in order; absent is empty. */
    List<Map.Entry<String, JsonNode>> entries(String key) {
        return value(key).flatMap(v -> sectionOf(v, pathOf(key), problems))
                .map(section -> List.copyOf(section.node.properties())).orElse(List.of());
    }

    /** Reports every key that no getter asked for. */
    void rejectUnknown() {
        for (String key : node.properties().stream().map(Map.Entry::getKey).toList()) {
            if (known.contains(key)) {
                continue;
            }
            String hint = Spelling.closest(key, known)
                    .map(guess -> "did you mean '" + guess + "'? The keys here are: ")
                    .orElse("remove it or use one of: ");
            problem(key, "unknown key; " + hint + String.join(", ", known));
        }
    }

    /** {@code value} as a section at {@code path}, or a problem when it is not a mapping. */
    static Optional<Section> sectionOf(JsonNode value, String path, ProblemCollector problems) {
        if (value instanceof ObjectNode object) {
            return Optional.of(new Section(object, path, problems));
        }
        problems.add(path, "is " + Scalars.show(value) + ", but must be a mapping; write it as key: value"
                + " lines indented below, or { key: value } on one line");
        return Optional.empty();
    }
}
