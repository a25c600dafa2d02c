package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds an {@code env:} mapping: names must be valid shell variable names, values single values
 * (numbers and booleans become their text).
 */
final class EnvBinder {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvBinder() {
    }

    static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    static String invalidNameMessage(String name) {
        return "\"" + name + "\" is not a valid variable name; use letters, digits and _, not starting with a digit";
    }

    /** The variables under {@code env} of {@code section}, in order; problems are reported. */
    static Map<String, String> bind(Section section) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : section.entries("env")) {
            String path = section.pathOf("env") + "." + entry.getKey();
            if (!isValidName(entry.getKey())) {
                section.scalars().problems().add(path, invalidNameMessage(entry.getKey()));
            } else if (entry.getValue().isNull()) {
                section.scalars().problems().add(path, "has no value; write " + entry.getKey()
                        + ": \"\" for an empty value");
            } else {
                section.scalars().text(entry.getValue(), path).ifPresent(value -> env.put(entry.getKey(), value));
            }
        }
        return env;
    }
}
