package dev.muster.logs;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's prefix column: each source's name padded to the column's width and followed by
 * {@code " | "}, in a color of its own when color is on (muster's own lines in bold). Each prefix
 * is made once, and once more as bytes when it is plain ASCII, for lines written without decoding.
 */
final class ConsolePrefixes {
    private static final String[] COLORS = {"36", "33", "32", "35", "34", "91", "96", "93", "92", "95"};
    private static final String RESET = "\u001b[0m";
    private static final byte[] NOT_ASCII = new byte[0];

    private final boolean color;
    private final int width;
    private final Map<String, String> text = new ConcurrentHashMap<>();
    private final Map<String, byte[]> ascii = new ConcurrentHashMap<>();

    /** @param width the column's width, usually the longest service name (at least "muster"'s) */
    ConsolePrefixes(boolean color, int width) {
        this.color = color;
        this.width = Math.max(width, "muster".length());
    }

    /** Color only on a terminal, when NO_COLOR is unset or empty (https://no-color.org) and TERM is not dumb. */
    static boolean colorWanted(Map<String, String> env) {
        return System.console() != null && colorAllowed(env);
    }

    /** What the environment says about color, whatever the terminal. */
    static boolean colorAllowed(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }

    /** {@code source}'s prefix. */
    String of(String source) {
        return text.computeIfAbsent(source, name -> {
            String padded = String.format("%-" + width + "s | ", name);
            if (!color) {
                return padded;
            }
            String code = "muster".equals(name) ? "1" : COLORS[text.size() % COLORS.length];
            return "\u001b[" + code + "m" + padded + RESET;
        });
    }

    /** {@code source}'s prefix as bytes when it is plain ASCII (it then reads the same in every charset), else null. */
    byte[] asciiOf(String source) {
        byte[] known = ascii.computeIfAbsent(source, name -> {
            String prefix = of(name);
            return prefix.chars().allMatch(c -> c < 0x80) ? prefix.getBytes(StandardCharsets.ISO_8859_1) : NOT_ASCII;
        });
        return known == NOT_ASCII ? null : known;
    }
}
