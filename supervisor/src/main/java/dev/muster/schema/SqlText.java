package dev.muster.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL script with its comments, string literals, quoted identifiers and dollar-quoted bodies
 * blanked out (newlines kept), so that statements can be found by pattern at the top level only:
 * the {@code END;} of a PL/pgSQL body or a {@code 'DROP TABLE'} inside a string is not a statement.
 */
final class SqlText {
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");

    private final String code;

    private SqlText(String code) {
        this.code = code;
    }

    static SqlText of(String sql) {
        StringBuilder out = new StringBuilder(sql);
        int i = 0;
        while (i < sql.length()) {
            int end = skip(sql, i);
            if (end > i) {
                for (int j = i; j < end; j++) {
                    if (out.charAt(j) != '\n') {
                        out.setCharAt(j, ' ');
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        return new SqlText(out.toString());
    }

    /** Where the literal or comment starting at {@code i} ends; {@code i} when none starts there. */
    private static int skip(String sql, int i) {
        char c = sql.charAt(i);
        if (sql.startsWith("--", i)) {
            int nl = sql.indexOf('\n', i);
            return nl < 0 ? sql.length() : nl;
        }
        if (sql.startsWith("/*", i)) {
            int close = sql.indexOf("*/", i + 2);
            return close < 0 ? sql.length() : close + 2;
        }
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < sql.length()) {
                if (sql.charAt(j) == c) {
                    if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return sql.length();
        }
        if (c == '$' && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
            Matcher tag = DOLLAR_TAG.matcher(sql).region(i, sql.length());
            if (tag.lookingAt()) {
                int close = sql.indexOf(tag.group(), tag.end());
                return close < 0 ? sql.length() : close + tag.group().length();
            }
        }
        return i;
    }

    /** One top-level match: its 1-based line and the statement's text up to the end of that line. */
    record Finding(int line, String text) {
        @Override
        public String toString() {
            return "line " + line + ": " + text;
        }
    }

    /** Every top-level match of {@code pattern}. */
    List<Finding> find(Pattern pattern) {
        List<Finding> findings = new ArrayList<>();
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            int lineStart = code.lastIndexOf('\n', m.start()) + 1;
            int lineEnd = code.indexOf('\n', m.start());
            String text = code.substring(m.start(), lineEnd < 0 ? code.length() : lineEnd).strip();
            int line = 1 + (int) code.substring(0, lineStart).chars().filter(ch -> ch == '\n').count();
            findings.add(new Finding(line, text.length() > 80 ? text.substring(0, 77) + "..." : text));
        }
        return findings;
    }
}
