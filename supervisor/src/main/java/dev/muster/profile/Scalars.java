package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed conversions of single YAML values at a given path, reporting what is wrong to the
 * collector. Values that interpolation turned into text (such as {@code port: ${PORT}}) are
 * accepted wherever a number or a boolean is expected.
 */
final class Scalars {
    private static final Pattern USER = Pattern.compile(
            "(?:[A-Za-z_][A-Za-z0-9_.-]*\\$?|\\d+)(?::(?:[A-Za-z_][A-Za-z0-9_.-]*|\\d+))?");

    private final ProblemCollector problems;

    ProblemCollector problems() {
        return problems;
    }

    Scalars(ProblemCollector problems) {
        this.problems = problems;
    }

    Optional<String> text(JsonNode value, String path) {
        if (value.isValueNode() && !value.isNull()) {
            return Optional.of(value.asText());
        }
        problems.add(path, "is " + show(value) + ", but must be a single value; write it as key: value");
        return Optional.empty();
    }

    Optional<Integer> integer(JsonNode value, String path, int min, int max) {
        Optional<String> text = text(value, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(text.get().strip());
            if (number >= min && number <= max) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(path, show(value) + " is not a whole number from " + min + " to " + max
                + "; write a number in that range, without quotes or units");
        return Optional.empty();
    }

    Optional<Boolean> bool(JsonNode value, String path) {
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        String text = value.isTextual() ? value.textValue().strip() : "";
        if (text.equals("true") || text.equals("false")) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        problems.add(path, show(value) + " is not true or false; write true or false");
        return Optional.empty();
    }

    Optional<Duration> duration(JsonNode value, String path, boolean allowZero) {
        Optional<Duration> duration = text(value, path).flatMap(Durations::parse);
        if (duration.isEmpty()) {
            if (value.isValueNode()) {
                problems.add(path, show(value) + " is not a duration; write it like 30s, 500ms or 2m");
            }
            return Optional.empty();
        }
        if (duration.get().isZero() && !allowZero) {
            problems.add(path, show(value) + " is zero; write a positive duration like 30s, 500ms or 2m");
            return Optional.empty();
        }
        return duration;
    }

    /** A user name or {@code uid[:gid]} (numbers become text), such as {@code app} or {@code 1000:1000}. */
    Optional<String> user(JsonNode value, String path) {
        Optional<String> text = text(value, path);
        if (text.isPresent() && !USER.matcher(text.get()).matches()) {
            problems.add(path, show(value) + " is not a user; write a user name such as app, or uid[:gid] such as 1000:1000");
            return Optional.empty();
        }
        return text;
    }

    /** The items of a list; reports anything else. */
    Optional<List<JsonNode>> list(JsonNode value, String path) {
        if (value.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            value.forEach(items::add);
            return Optional.of(items);
        }
        problems.add(path, "is " + show(value) + ", but must be a list; write it as [a, b] or one \"- item\" per line");
        return Optional.empty();
    }

    /** How a value is named in a message: text quoted, numbers as written, "a list", "a mapping". */
    static String show(JsonNode value) {
        if (value.isTextual()) {
            return "\"" + value.textValue() + "\"";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.isObject() ? "a mapping" : value.asText();
    }
}
