package dev.muster.secret;

import java.util.function.BiConsumer;

/**
 * Finds the password of every URL of the form {@code scheme://user:PASSWORD@host} in text, in one
 * pass (each {@code ://} is looked at once, and each scan stops at the next delimiter), unlike a
 * backtracking regex, which is quadratic on long runs of letters. Stateless.
 */
final class UrlPasswords {
    private UrlPasswords() {
    }

    /** Tells {@code found} the start and end (exclusive) of each URL password in {@code text}. */
    static void find(CharSequence text, BiConsumer<Integer, Integer> found) {
        int n = text.length();
        for (int i = indexOf(text, 0); i >= 0; i = indexOf(text, i + 3)) {
            if (!hasScheme(text, i)) {
                continue;
            }
            int colon = i + 3;
            while (colon < n && !isSpace(text.charAt(colon)) && ":/@".indexOf(text.charAt(colon)) < 0) {
                colon++;
            }
            if (colon >= n || text.charAt(colon) != ':') {
                continue;
            }
            int end = colon + 1;
            while (end < n && !isSpace(text.charAt(end)) && "@/".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            if (end > colon + 1 && end < n && text.charAt(end) == '@') {
                found.accept(colon + 1, end);
            }
        }
    }

    private static boolean hasScheme(CharSequence text, int separator) {
        for (int j = separator - 1; j >= 0 && isSchemeChar(text.charAt(j)); j--) {
            char c = text.charAt(j);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(CharSequence text, int from) {
        for (int i = from; i + 2 < text.length(); i++) {
            if (text.charAt(i) == ':' && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSchemeChar(char c) {
        return Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '.' || c == '-';
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c);
    }
}
