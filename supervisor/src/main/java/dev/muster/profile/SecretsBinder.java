package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binds {@code secrets:}, a mapping of variable name to {@code { env, file, bytes }}; a plain string
 * is the file. {@code bytes} defaults to {@link SecretSpec#DEFAULT_BYTES}; {@code env} names the
 * variable that wins when set (and whose {@code _FILE} variant is read).
 */
final class SecretsBinder {
    private final ProblemCollector problems;

    SecretsBinder(ProblemCollector problems) {
        this.problems = problems;
    }

    /** The declared secrets, in declaration order; invalid entries are reported and left out. */
    Map<String, SecretSpec> bind(Section root) {
        Map<String, SecretSpec> secrets = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.entries("secrets")) {
            String name = entry.getKey();
            String path = root.pathOf("secrets") + "." + name;
            if (!EnvBinder.isValidName(name)) {
                problems.add(path, EnvBinder.invalidNameMessage(name));
            }
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                secrets.put(name, new SecretSpec(name, Path.of(value.textValue()), SecretSpec.DEFAULT_BYTES));
                continue;
            }
            Section.sectionOf(value, path, problems).ifPresent(section -> {
                int bytes = section.integer("bytes", 1, 4096).orElse(SecretSpec.DEFAULT_BYTES);
                String env = section.text("env").orElse(null);
                if (env != null && !EnvBinder.isValidName(env)) {
                    section.problem("env", EnvBinder.invalidNameMessage(env));
                }
                section.required("file", "/data/secrets/" + name.toLowerCase(java.util.Locale.ROOT))
                        .ifPresent(file -> secrets.put(name, new SecretSpec(name, Path.of(file), bytes, env)));
                section.rejectUnknown();
            });
        }
        return secrets;
    }
}
