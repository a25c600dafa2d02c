package dev.muster.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a dotenv file as Compose's {@code env_file} reads it: {@code KEY=value} lines, an optional
 * {@code export } prefix, {@code #} comment lines and blank lines ignored; a value unquoted (trimmed,
 * a {@code #} after a space starts a comment), in double quotes ({@code \n \r \t \\ \"} escapes) or
 * in single quotes (literal, {@code \'} for a quote), with an optional comment after the closing
 * quote. Unquoted and double-quoted values are to be interpolated; single-quoted ones are not.
 */
final class DotenvParser {
    private static final Pattern COMMENT = Pattern.compile("\\s#");
    private static final Pattern LINE = Pattern.compile("\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)");

    /** One variable. @param interpolate false for a single-quoted value */
    record Entry(int line, String name, String value, boolean interpolate) {
    }

    /** A line that is not a variable, with the reason. */
    record Malformed(int line, String reason) {
    }

    /** The entries and malformed lines of {@code text}. */
    record Result(List<Entry> entries, List<Malformed> malformed) {
    }

    private DotenvParser() {
    }

    static Result parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                malformed.add(new Malformed(i + 1, "is not KEY=value (a name of letters, digits and _, then =)"));
                continue;
            }
            String raw = matcher.group(2);
            try {
                entries.add(value(i + 1, matcher.group(1), raw));
            } catch (IllegalArgumentException e) {
                malformed.add(new Malformed(i + 1, e.getMessage()));
            }
        }
        return new Result(entries, malformed);
    }

    private static Entry value(int line, String name, String raw) {
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            char quote = raw.charAt(0);
            StringBuilder value = new StringBuilder();
            int i = 1;
            for (; i < raw.length() && raw.charAt(i) != quote; i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length()) {
                    char next = raw.charAt(++i);
                    value.append(quote == '"' ? escape(next) : next == '\'' ? "'" : "\\" + next);
                } else {
                    value.append(c);
                }
            }
            if (i >= raw.length()) {
                throw new IllegalArgumentException("has no closing " + quote + " for the value of " + name
                        + "; close the quote (values are one line)");
            }
            String rest = raw.substring(i + 1).strip();
            if (!rest.isEmpty() && !rest.startsWith("#")) {
                throw new IllegalArgumentException("has text after the closing " + quote + " of " + name
                        + "; put it inside the quotes, or start a comment with #");
            }
            return new Entry(line, name, value.toString(), quote == '"');
        }
        Matcher comment = COMMENT.matcher(raw);
        String value = (comment.find() ? raw.substring(0, comment.start()) : raw).strip();
        return new Entry(line, name, value, true);
    }

    private static String escape(char c) {
        return switch (c) {
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            default -> String.valueOf(c);
        };
    }
}
