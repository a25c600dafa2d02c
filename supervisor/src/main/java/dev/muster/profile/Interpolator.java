package dev.muster.profile;

import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands variables in one string, like a POSIX shell: {@code ${V}}, {@code ${V:-default}}
 * (default when unset or empty), {@code ${V-default}} (default when unset), {@code ${V:?message}}
 * (error when unset or empty), {@code ${V?message}} (error when unset), {@code ${V:+alt}} (alt when
 * set and not empty, else empty), {@code ${V+alt}} (alt when set), as Compose has them, and
 * {@code $$} for a literal {@code $}. Defaults may contain references themselves. A {@code $} followed by
 * anything else stays as written, so regexes such as {@code ready$} need no escaping.
 */
final class Interpolator {
    private static final Pattern REFERENCE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(.*)", Pattern.DOTALL);

    private final Map<String, String> variables;

    Interpolator(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The expanded text; each problem goes to {@code problems} as "what is wrong; the fix". */
    String interpolate(String text, Consumer<String> problems) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && text.startsWith("$", i + 1)) {
                out.append('$');
                i += 2;
            } else if (c == '$' && text.startsWith("{", i + 1)) {
                int end = closingBrace(text, i + 2);
                if (end < 0) {
                    problems.accept("\"" + text.substring(i) + "\" has no closing }; close it, or write $$ for a literal $");
                    return out.append(text, i, text.length()).toString();
                }
                out.append(expand(text.substring(i + 2, end), problems));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String expand(String expression, Consumer<String> problems) {
        Matcher matcher = REFERENCE.matcher(expression);
        if (!matcher.matches()) {
            problems.accept(unsupported(expression));
            return "";
        }
        String name = matcher.group(1);
        String rest = matcher.group(2);
        String value = variables.get(name);
        if (rest.isEmpty()) {
            if (value == null) {
                problems.accept("${" + name + "} is not set; export " + name
                        + " before starting muster, or write ${" + name + ":-default}");
            }
            return value == null ? "" : value;
        }
        boolean colon = rest.startsWith(":");
        String body = colon ? rest.substring(1) : rest;
        boolean missing = value == null || (colon && value.isEmpty());
        if (body.startsWith("-")) {
            return missing ? interpolate(body.substring(1), problems) : value;
        }
        if (body.startsWith("+")) {
            return missing ? "" : interpolate(body.substring(1), problems);
        }
        if (body.startsWith("?")) {
            if (missing) {
                String message = interpolate(body.substring(1), problems);
                problems.accept(name + " is " + (value == null ? "not set" : "empty") + ": "
                        + (message.isBlank() ? "set " + name + " before starting muster" : message));
            }
            return missing ? "" : value;
        }
        problems.accept(unsupported(expression));
        return "";
    }

    /** The problem for a form muster does not expand, such as the shell's {@code ${V#x}} or {@code ${#V}}. */
    private static String unsupported(String expression) {
        return "${" + expression + "} is not a form muster interpolates (it has ${V}, ${V:-default}, ${V-default},"
                + " ${V:?message}, ${V?message}, ${V:+alt} and ${V+alt}); if the shell should expand it, write it"
                + " as $${" + expression + "} so that muster passes it on unchanged";
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("$$", i)) {
                i++;
            } else if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
