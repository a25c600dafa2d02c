package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives a rendered file that holds a secret the mode {@link #SECRET_MODE} when the profile does
 * not write its {@code mode:}, instead of the world-readable {@link FileSpec#DEFAULT_MODE}. A file
 * holds a secret when its content names a sensitive variable ({@code ${DB_PASSWORD}}, a declared
 * secret, any name containing PASSWORD, SECRET, TOKEN or KEY) or, once interpolated, contains a
 * declared secret's value. Works on the merged tree: {@link #scan} before interpolation (to see
 * the {@code ${...}} as written), {@link #apply} after it; each decision becomes a note for
 * {@code check} and {@code config}.
 */
final class SecretFileModes {
    /** The mode of a rendered file that holds a secret and has no {@code mode:} of its own. */
    static final String SECRET_MODE = "0600";
    private static final List<String> SENSITIVE_WORDS = List.of("PASSWORD", "SECRET", "TOKEN", "KEY");
    private static final Pattern REFERENCE = Pattern.compile("(\\$*)\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
    private static final int MIN_SECRET_LENGTH = 4;

    /** What {@link #scan} found in one file entry: its index and the sensitive names it references. */
    record Finding(int index, Set<String> names) {
        Finding {
            names = Set.copyOf(names);
        }
    }

    private SecretFileModes() {
    }

    /** True for a variable name that holds a secret by its name. */
    static boolean sensitiveName(String name, Collection<String> declaredSecrets) {
        String upper = name.toUpperCase(Locale.ROOT);
        return declaredSecrets.contains(name) || SENSITIVE_WORDS.stream().anyMatch(upper::contains);
    }

    /** Before interpolation: the files without {@code mode:} whose content references sensitive variables. */
    static List<Finding> scan(ObjectNode root) {
        Set<String> declared = new TreeSet<>();
        root.path("secrets").fieldNames().forEachRemaining(declared::add);
        List<Finding> findings = new ArrayList<>();
        JsonNode files = root.path("files");
        for (int i = 0; i < files.size(); i++) {
            JsonNode content = files.get(i).path("content");
            if (files.get(i).has("mode") || !content.isTextual()) {
                continue;
            }
            Set<String> names = new TreeSet<>();
            Matcher m = REFERENCE.matcher(content.textValue());
            while (m.find()) {
                if (m.group(1).length() % 2 == 0 && sensitiveName(m.group(2), declared)) {
                    names.add(m.group(2));
                }
            }
            findings.add(new Finding(i, names));
        }
        return findings;
    }

    /**
     * After interpolation: sets {@code mode: "0600"} on each scanned file that references a
     * sensitive variable or now contains one of {@code secretValues}; returns one note per file.
     */
    static List<String> apply(ObjectNode root, List<Finding> findings, Collection<String> secretValues) {
        List<String> notes = new ArrayList<>();
        JsonNode files = root.path("files");
        for (Finding finding : findings) {
            if (!(files.get(finding.index()) instanceof ObjectNode file)) {
                continue;
            }
            String content = file.path("content").asText("");
            boolean holdsValue = secretValues.stream()
                    .anyMatch(v -> v.length() >= MIN_SECRET_LENGTH && content.contains(v));
            if (finding.names().isEmpty() && !holdsValue) {
                continue;
            }
            file.put("mode", SECRET_MODE);
            String why = finding.names().isEmpty() ? "a declared secret's value"
                    : "${" + String.join("}, ${", finding.names()) + "}";
            notes.add("files[" + finding.index() + "] " + file.path("path").asText("") + ": mode " + SECRET_MODE
                    + " (not " + FileSpec.DEFAULT_MODE + ") because its content holds " + why
                    + "; write mode: to choose another");
        }
        return notes;
    }
}
