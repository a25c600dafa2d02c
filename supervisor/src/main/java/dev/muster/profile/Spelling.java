package dev.muster.profile;

import java.util.Collection;
import java.util.Optional;

/** Finds the word a user probably meant, for "did you mean ...?" hints: by edit distance, else by prefix. */
final class Spelling {

    private Spelling() {
    }

    /** The candidate closest to {@code word}, if one is close enough to be a likely typo. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(word.toLowerCase(java.util.Locale.ROOT), candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int tolerance = Math.max(1, Math.min(3, word.length() / 3));
        if (bestDistance <= tolerance) {
            return Optional.of(best);
        }
        return candidates.stream().filter(c -> c.length() >= 3 && (word.startsWith(c) || c.startsWith(word)))
                .findFirst();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
