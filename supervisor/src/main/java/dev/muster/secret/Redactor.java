package dev.muster.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in text shown to people ({@code config}, summaries, status). Sensitive are: the
 * values of env entries (the profile's and every service's) named like a declared secret or
 * containing PASSWORD, SECRET, TOKEN or KEY, and the password of any URL of the form
 * {@code scheme://user:PASSWORD@host}, and every {@code password:} of a database step or probe. Values shorter than {@value #MIN_LENGTH} characters are
 * only hidden where they stand as an env value, never inside other text. Immutable.
 */
public final class Redactor {
    /** What a hidden value becomes. */
    public static final String MASK = "******";
    static final int MIN_LENGTH = 4;
    private static final List<String> SENSITIVE_WORDS = List.of("PASSWORD", "SECRET", "TOKEN", "KEY");
    private static final Pattern URL_PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^\\s:/@]*:)([^\\s@/]+)(@)");

    private final Set<String> secretNames;
    private final List<String> values;

    private Redactor(Set<String> secretNames, Set<String> values) {
        this.secretNames = Set.copyOf(secretNames);
        this.values = values.stream().filter(v -> v.length() >= MIN_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** A redactor for {@code profile}'s secrets. */
    public static Redactor forProfile(Profile profile) {
        Set<String> names = profile.secrets().keySet();
        Set<String> values = new LinkedHashSet<>();
        collect(profile.env(), names, values);
        for (ServiceSpec service : profile.services().values()) {
            collect(service.env(), names, values);
            DatabasePasswords.of(service).forEach(values::add);
        }
        values.removeIf(value -> !SecretStrength.maskable(value));
        return new Redactor(names, values);
    }

    /** {@code text} with every sensitive value and URL password replaced by {@link #MASK}. */
    public String redact(String text) {
        String result = URL_PASSWORD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
        for (String value : values) {
            result = result.replace(value, MASK);
        }
        return result;
    }

    /** A copy of {@code tree} in which sensitive env values are masked and every other string is redacted. */
    public JsonNode redact(JsonNode tree) {
        JsonNode copy = tree.deepCopy();
        redactInPlace(copy);
        return copy;
    }

    /** Whether a variable of this name holds a secret. */
    public boolean isSensitiveName(String name) {
        return isSensitive(name, secretNames);
    }

    private static boolean isSensitive(String name, Set<String> secretNames) {
        String upper = name.toUpperCase(Locale.ROOT);
        return secretNames.contains(name) || SENSITIVE_WORDS.stream().anyMatch(upper::contains);
    }

    private void redactInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (field.getKey().equals("env") && field.getValue() instanceof ObjectNode env) {
                    maskEnv(env);
                } else if (field.getKey().equals("password") && field.getValue().isValueNode()) {
                    field.setValue(TextNode.valueOf(MASK));
                } else if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(redact(field.getValue().textValue())));
                } else {
                    redactInPlace(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(redact(array.get(i).textValue())));
                } else {
                    redactInPlace(array.get(i));
                }
            }
        }
    }

    private void maskEnv(ObjectNode env) {
        for (Map.Entry<String, JsonNode> entry : env.properties()) {
            if (isSensitiveName(entry.getKey()) && entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                entry.setValue(TextNode.valueOf(MASK));
            } else if (entry.getValue().isTextual()) {
                entry.setValue(TextNode.valueOf(redact(entry.getValue().textValue())));
            }
        }
    }

    private static void collect(Map<String, String> env, Set<String> secretNames, Set<String> values) {
        env.forEach((name, value) -> {
            if (isSensitive(name, secretNames)) {
                values.add(value);
            }
            Matcher matcher = URL_PASSWORD.matcher(value);
            while (matcher.find()) {
                values.add(matcher.group(2));
            }
        });
    }
}
