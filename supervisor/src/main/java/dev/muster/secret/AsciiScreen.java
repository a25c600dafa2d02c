package dev.muster.secret;

import java.util.Collection;

/**
 * A cheap first look at one line of plain ASCII bytes, before it is decoded: says "clean" only when
 * the line holds none of the secret values and no {@code ://} (so no URL password), in which case
 * redacting its text would return it unchanged. Anything else ("maybe") is for the exact redaction
 * of the decoded text. The values are looked for with a multi-string Horspool skip on pairs of bytes
 * (Wu–Manber): it reads about one pair per (shortest value's length − 1) bytes of a line that holds
 * no near copy of a value, instead of every byte; {@code ://} is looked for by a skip of up to 3.
 * Values with a character outside ASCII cannot occur in ASCII bytes and are left out. Immutable.
 */
final class AsciiScreen {
    private static final int PAIRS = 4096;
    private static final int MAX_SHIFT = 127;

    /** Per hashed pair of bytes: how far the window's end may move when the pair ends it; 0 = maybe a value ends here. */
    private final byte[] shift = new byte[PAIRS];
    /** The shortest value's length, or 0 when there is none. */
    private final int shortest;

    /** @param values the strings to look for, each at least 2 characters long */
    AsciiScreen(Collection<String> values) {
        int min = Integer.MAX_VALUE;
        for (String value : values) {
            if (isAscii(value)) {
                min = Math.min(min, value.length());
            }
        }
        shortest = min == Integer.MAX_VALUE ? 0 : min;
        if (shortest < 2 && shortest != 0) {
            throw new IllegalArgumentException("values must be at least 2 characters long");
        }
        java.util.Arrays.fill(shift, (byte) Math.min(MAX_SHIFT, Math.max(shortest - 1, 0)));
        for (String value : values) {
            if (!isAscii(value)) {
                continue;
            }
            for (int j = 1; j < shortest; j++) {
                int pair = pair(value.charAt(j - 1), value.charAt(j));
                shift[pair] = (byte) Math.min(shift[pair], shortest - 1 - j);
            }
        }
    }

    /** Whether ASCII bytes {@code bytes[from, to)} surely hold no value and no {@code ://}. */
    boolean clean(byte[] bytes, int from, int to) {
        return !hasSchemeSeparator(bytes, from, to) && (shortest == 0 || !mayHoldValue(bytes, from, to));
    }

    private boolean mayHoldValue(byte[] bytes, int from, int to) {
        for (int end = from + shortest - 1; end < to; ) {
            int step = shift[pair(bytes[end - 1], bytes[end])];
            if (step == 0) {
                return true;
            }
            end += step;
        }
        return false;
    }

    /**
     * A window of three bytes ending at {@code end}: a byte that is neither ':' nor '/' can be in no
     * match, a ':' only in one ending two further on, a '/' only in one ending here or (after a ':')
     * one further on.
     */
    private static boolean hasSchemeSeparator(byte[] bytes, int from, int to) {
        for (int end = from + 2; end < to; ) {
            byte b = bytes[end];
            if (b == '/') {
                byte before = bytes[end - 1];
                if (before == '/' && bytes[end - 2] == ':') {
                    return true;
                }
                end += before == ':' ? 1 : 3;
            } else {
                end += b == ':' ? 2 : 3;
            }
        }
        return false;
    }

    private static int pair(int first, int second) {
        return ((first & 0x7F) << 5 ^ (second & 0x7F)) & (PAIRS - 1);
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
