package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.muster.MusterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interpolates every string of a merged profile tree in place, each in its scope. The
 * {@code secrets} section and the paths of {@code env_file} see muster's environment; everything
 * else sees the environment, then the secrets' values, then the variables of the {@code env_file}
 * files, then the profile's {@code env} entries in order (each seeing the earlier ones). A service
 * additionally sees its own {@code env}, which may refer to all of these.
 */
final class ProfileInterpolator {
    /**
     * What interpolation found besides the tree itself.
     *
     * @param specs     the declared secrets, in declaration order
     * @param values    their resolved values, in the same order
     * @param fileEnv   the variables read from {@code env_file}, in order
     * @param variables what the profile's top level sees (for rendering {@code files[].template})
     */
    record Secrets(Map<String, SecretSpec> specs, Map<String, String> values, Map<String, String> fileEnv,
                   Map<String, String> variables) {
    }

    private final Map<String, String> environment;
    private final SecretResolver resolver;
    private final ProblemCollector problems;

    ProfileInterpolator(Map<String, String> environment, SecretResolver resolver, ProblemCollector problems) {
        this.environment = Map.copyOf(environment);
        this.resolver = new SecretSources(environment, resolver);
        this.problems = problems;
    }

    /** Interpolates {@code root} in place and resolves the declared secrets. */
    Secrets interpolate(ObjectNode root) {
        JsonNode secretsNode = root.path("secrets");
        strings(secretsNode, "secrets", environment);
        Map<String, SecretSpec> specs = new SecretsBinder(problems).bind(new Section(root, "", problems));
        Map<String, String> values = resolve(specs);
        Map<String, String> variables = new LinkedHashMap<>(environment);
        variables.putAll(values);
        strings(root.path("env_file"), "env_file", environment);
        Map<String, String> fileEnv = new EnvFiles(problems).read(root.path("env_file"), variables);
        env(root.path("env"), "env", variables);
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            if (!List.of("env", "secrets", "services", "env_file").contains(key)) {
                entry(field, key, variables);
            }
        }
        for (Map.Entry<String, JsonNode> service : root.path("services").properties()) {
            service(service.getValue(), "services." + service.getKey(), variables);
        }
        return new Secrets(specs, values, fileEnv, variables);
    }

    /** Resolves every secret; a failed one counts as empty, so that its uses do not add "not set" noise. */
    private Map<String, String> resolve(Map<String, SecretSpec> specs) {
        Map<String, String> values = new LinkedHashMap<>();
        specs.forEach((name, spec) -> {
            try {
                values.put(name, resolver.resolve(spec));
            } catch (MusterException e) {
                problems.add("secrets." + name, e.getMessage());
                values.put(name, "");
            }
        });
        return values;
    }

    private void service(JsonNode service, String path, Map<String, String> profileVariables) {
        Map<String, String> variables = new LinkedHashMap<>(profileVariables);
        env(service.path("env"), path + ".env", variables);
        for (Map.Entry<String, JsonNode> field : service.properties()) {
            if (!field.getKey().equals("env")) {
                entry(field, LocationIndex.child(path, field.getKey()), variables);
            }
        }
    }

    /** Interpolates an env mapping entry by entry, adding each entry to {@code variables}. */
    private void env(JsonNode env, String path, Map<String, String> variables) {
        if (!(env instanceof ObjectNode object)) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                String text = expand(value.textValue(), path + "." + entry.getKey(), variables);
                entry.setValue(TextNode.valueOf(text));
                variables.put(entry.getKey(), text);
            } else if (value.isValueNode() && !value.isNull()) {
                variables.put(entry.getKey(), value.asText());
            }
        }
    }

    private void strings(JsonNode node, String path, Map<String, String> variables) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                entry(entry, LocationIndex.child(path, entry.getKey()), variables);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String child = LocationIndex.element(path, i);
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(expand(array.get(i).textValue(), child, variables)));
                } else {
                    strings(array.get(i), child, variables);
                }
            }
        }
    }

    /** Interpolates one mapping entry: its text in place, or every string below it. */
    private void entry(Map.Entry<String, JsonNode> entry, String path, Map<String, String> variables) {
        if (entry.getValue().isTextual()) {
            entry.setValue(TextNode.valueOf(expand(entry.getValue().textValue(), path, variables)));
        } else {
            strings(entry.getValue(), path, variables);
        }
    }

    private String expand(String text, String path, Map<String, String> variables) {
        return new Interpolator(variables).interpolate(text, problem -> problems.add(path, problem));
    }
}
