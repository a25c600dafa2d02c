package dev.muster.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.muster.process.Signal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The definitions of the profile format that the loader validates with and that the JSON Schema
 * ({@code muster schema}) carries under {@code $defs}: value patterns (durations, sizes, ports,
 * signals, written so that Java and ECMA-262 regexes read them alike) and the enumerations (kinds,
 * conditions, restart policies, probe kinds, sslmodes). {@code ProfileSchemaTest} fails when the
 * schema resource's {@code $defs} differ from {@link #schemaDefinitions()}.
 */
public final class ProfileFormat {
    /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 1m30s}, or a whole number of seconds. */
    public static final String DURATION = "^(?:[0-9]+|(?:[0-9]+(?:ms|s|m|h))+)$";
    /** A positive number of bytes with an optional binary unit: {@code 10MB}, {@code 512k}, {@code 1GiB}. */
    public static final String SIZE = "^(0*[1-9][0-9]*)\\s*(?:([kKmMgG])(?:[iI]?[bB])?|[bB])?$";
    /** A TCP port from 1 to 65535 written as text. */
    public static final String PORT = "^(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$";
    /** A value that holds {@code ${...}}: the schema cannot judge it before interpolation, the loader does after. */
    public static final String INTERPOLATED = "\\$\\{";
    private static final String REF = "#/$defs/";

    private ProfileFormat() {
    }

    /** Signal names as the loader reads them: any case, with or without {@code SIG}, or the number. */
    public static String signalPattern() {
        String names = Arrays.stream(Signal.values()).map(s -> anyCase(s.name())).collect(Collectors.joining("|"));
        String numbers = Arrays.stream(Signal.values()).map(s -> String.valueOf(s.number())).collect(Collectors.joining("|"));
        return "^(?:(?:" + anyCase("SIG") + ")?(?:" + names + ")|" + numbers + ")$";
    }

    /** The {@code kind:} values. */
    public static List<String> kinds() {
        return Arrays.stream(Kind.values()).map(Kind::yamlName).toList();
    }

    /** The {@code depends_on} conditions. */
    public static List<String> conditions() {
        return Arrays.stream(Condition.values()).map(Condition::yamlName).toList();
    }

    /** The {@code restart.policy} values. */
    public static List<String> restartPolicies() {
        return Arrays.stream(RestartSpec.Policy.values()).map(RestartSpec.Policy::yamlName).toList();
    }

    /** The probe kinds, the keys of {@code ready:} and {@code live:}. */
    public static List<String> probeKinds() {
        return ProbeBinder.KINDS;
    }

    /** The {@code sslmode} values, in libpq's order. */
    public static List<String> sslModes() {
        return List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    }

    /** The JSON Schema {@code $defs} these definitions make. */
    public static ObjectNode schemaDefinitions() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode defs = nodes.objectNode();
        defs.putObject("interpolated").put("description", "a value with ${...}, checked once interpolated")
                .put("type", "string").put("pattern", INTERPOLATED);
        defs.set("duration", scalar("500ms, 30s, 2m, 1h, 1m30s, or a number of seconds", DURATION,
                nodes.objectNode().put("type", "integer").put("minimum", 0)));
        defs.set("size", scalar("bytes, or with a unit: 10MB, 512KB, 1GB (K, M, G = 1024, 1024², 1024³)", SIZE,
                nodes.objectNode().put("type", "integer").put("minimum", 1)));
        defs.set("port", scalar("a TCP port from 1 to 65535", PORT,
                nodes.objectNode().put("type", "integer").put("minimum", 1).put("maximum", 65535)));
        ObjectNode numbers = nodes.objectNode().put("type", "integer");
        ArrayNode signalNumbers = numbers.putArray("enum");
        Arrays.stream(Signal.values()).forEach(s -> signalNumbers.add(s.number()));
        defs.set("signal", scalar("TERM, INT, QUIT, HUP, USR1, ... with or without SIG, or the number",
                signalPattern(), numbers));
        defs.set("kind", enumeration(kinds()));
        defs.set("condition", enumeration(conditions()));
        defs.set("restart_policy", enumeration(restartPolicies()));
        defs.set("sslmode", enumeration(sslModes()));
        defs.set("probe_kind", enumeration(probeKinds()));
        return defs;
    }

    /** A reference to one of {@link #schemaDefinitions()}, such as {@code #/$defs/duration}. */
    public static String ref(String name) {
        return REF + name;
    }

    private static ObjectNode scalar(String description, String pattern, ObjectNode number) {
        ObjectNode def = JsonNodeFactory.instance.objectNode().put("description", description);
        ArrayNode anyOf = def.putArray("anyOf");
        anyOf.add(number);
        anyOf.addObject().put("type", "string").put("pattern", pattern);
        anyOf.addObject().put("$ref", ref("interpolated"));
        return def;
    }

    private static ObjectNode enumeration(List<String> values) {
        ObjectNode def = JsonNodeFactory.instance.objectNode();
        ArrayNode array = def.putArray("enum");
        values.forEach(array::add);
        return def;
    }

    private static String anyCase(String word) {
        StringBuilder pattern = new StringBuilder();
        for (char c : word.toCharArray()) {
            String upper = String.valueOf(c).toUpperCase(Locale.ROOT);
            String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
            pattern.append(upper.equals(lower) ? upper : "[" + upper + lower + "]");
        }
        return pattern.toString();
    }
}
