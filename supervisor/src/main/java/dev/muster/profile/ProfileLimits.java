package dev.muster.profile;

/**
 * The bounds every profile file is read within, so that no profile can make muster use
 * unbounded memory or time: a file over a bound is a profile error (exit 2) naming the bound,
 * found before the work it would cost. Hand-written profiles stay far below each of them.
 */
final class ProfileLimits {
    /** Bytes of one profile file (1 MiB); the shipped profiles are under 10 KiB. */
    static final int MAX_FILE_BYTES = 1 << 20;
    /** Levels of mappings and lists inside each other; a profile needs about 6. */
    static final int MAX_NESTING = 64;
    /** Aliases ({@code *name}) in one file, as SnakeYAML's default {@code maxAliasesForCollections}. */
    static final int MAX_ALIASES = 50;
    /** Nodes (mappings, lists and scalars) one file may expand to once its aliases are copied. */
    static final int MAX_NODES = 100_000;
    /** {@code ${...}} inside the default of another {@code ${...}}, levels deep; a profile needs 2 or 3. */
    static final int MAX_INTERPOLATION_NESTING = 16;
    /** Files in one {@code extends} chain, the {@code -p} file included. */
    static final int MAX_EXTENDS_DEPTH = 16;

    private ProfileLimits() {
    }

    /**
     * How deep {@code ${...}} nest in {@code text} ({@code $$} is a literal {@code $}), counting no
     * further than one past {@link #MAX_INTERPOLATION_NESTING}; linear in the text.
     */
    static int interpolationNesting(String text) {
        int depth = 0;
        int deepest = 0;
        for (int i = 0; i < text.length() && deepest <= MAX_INTERPOLATION_NESTING; i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                i++;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                deepest = Math.max(deepest, ++depth);
                i++;
            } else if (c == '}' && depth > 0) {
                depth--;
            }
        }
        return deepest;
    }

    /** {@code bytes} as the user reads sizes: {@code 1 MiB}, {@code 12 KiB}, {@code 900 bytes}. */
    static String size(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
        }
        return bytes >= 1 << 10 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }
}
