package dev.muster.secret;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds every occurrence of a fixed set of strings in one left-to-right pass (an Aho–Corasick
 * automaton, compiled to a table): one table look-up per character, whatever the strings are and
 * however often the text almost matches them. Characters that occur in no string share one column,
 * so the table has (states × distinct characters of the strings) entries. For each position it
 * reports the longest string that ends there, which is all a mask of the union of occurrences
 * needs. Immutable and thread-safe.
 */
final class SecretMatcher {
    static final int ROOT = 0;
    private static final int ASCII = 128;

    private final int[] depth;
    private final int[] longest;
    private final int[] asciiClass = new int[ASCII];
    private final char[] otherChars;
    private final int otherBase;
    private final int width;
    /** Row {@code state * width}, column a character class; an entry is the next row, or {@code -row - 1} when a match ends there. */
    private final int[] delta;

    /** @param values the strings to find; empty strings are ignored */
    SecretMatcher(Collection<String> values) {
        List<Map<Character, Integer>> trie = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        trie.add(new TreeMap<>());
        depths.add(0);
        ends.add(0);
        for (String value : values) {
            insert(value, trie, depths, ends);
        }
        depth = depths.stream().mapToInt(Integer::intValue).toArray();
        longest = ends.stream().mapToInt(Integer::intValue).toArray();
        TreeSet<Character> alphabet = new TreeSet<>();
        values.forEach(v -> v.chars().forEach(c -> alphabet.add((char) c)));
        width = alphabet.size() + 1;
        int k = 1;
        StringBuilder others = new StringBuilder();
        for (char c : alphabet) {
            if (c < ASCII) {
                asciiClass[c] = k++;
            } else {
                others.append(c);
            }
        }
        otherBase = k;
        otherChars = others.toString().toCharArray();
        delta = table(trie);
    }

    /** Adds {@code value} to the trie; its last state records the value's length. */
    private static void insert(String value, List<Map<Character, Integer>> trie, List<Integer> depths, List<Integer> ends) {
        int state = ROOT;
        for (int i = 0; i < value.length(); i++) {
            Integer next = trie.get(state).get(value.charAt(i));
            if (next == null) {
                next = trie.size();
                trie.get(state).put(value.charAt(i), next);
                trie.add(new TreeMap<>());
                depths.add(i + 1);
                ends.add(0);
            }
            state = next;
        }
        ends.set(state, Math.max(ends.get(state), value.length()));
    }

    /** Breadth first, so that a state's failure row is complete before the state's own row is filled. */
    private int[] table(List<Map<Character, Integer>> trie) {
        int[] next = new int[trie.size() * width];
        int[] fail = new int[trie.size()];
        List<Integer> order = new ArrayList<>(List.of(ROOT));
        for (int i = 0; i < order.size(); i++) {
            int state = order.get(i);
            int row = state * width;
            if (state != ROOT) {
                System.arraycopy(next, fail[state] * width, next, row, width);
            }
            for (Map.Entry<Character, Integer> edge : trie.get(state).entrySet()) {
                int child = edge.getValue();
                int column = classOf(edge.getKey());
                fail[child] = state == ROOT ? ROOT : next[row + column];
                longest[child] = Math.max(longest[child], longest[fail[child]]);
                next[row + column] = child;
                order.add(child);
            }
        }
        for (int i = 0; i < next.length; i++) {
            next[i] = longest[next[i]] > 0 ? -next[i] * width - 1 : next[i] * width;
        }
        return next;
    }

    /** Whether there is nothing to find. */
    boolean isEmpty() {
        return depth.length == 1;
    }

    /** How many characters of a possible match the state has read (the longest suffix that may still grow into one). */
    int depth(int state) {
        return depth[state];
    }

    /**
     * Reads {@code text[from, to)} starting in {@code state}; for each position where a string
     * ends, tells {@code found} the end (exclusive) and the longest such string's length.
     * Returns the state after the last character.
     */
    int scan(CharSequence text, int from, int to, int state, Found found) {
        return scan(text, from, to, state, found, null);
    }

    /** {@link #scan}, adding one to {@code work[0]} per table look-up, for tests of its cost. */
    int scan(CharSequence text, int from, int to, int state, Found found, long[] work) {
        int row = state * width;
        for (int i = from; i < to; i++) {
            int next = delta[row + classOf(text.charAt(i))];
            if (work != null) {
                work[0]++;
            }
            if (next < 0) {
                row = -next - 1;
                found.match(i + 1, longest[row / width]);
            } else {
                row = next;
            }
        }
        return row / width;
    }

    /**
     * The state after reading all of {@code text} from {@link #ROOT}, or -1 as soon as any string is
     * found: the allocation-free check for the common line that holds no secret.
     */
    int stateIfClean(String text) {
        int row = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            row = delta[row + (c < ASCII ? asciiClass[c] : classOf(c))];
            if (row < 0) {
                return -1;
            }
        }
        return row / width;
    }

    private int classOf(char c) {
        if (c < ASCII) {
            return asciiClass[c];
        }
        int at = Arrays.binarySearch(otherChars, c);
        return at < 0 ? 0 : otherBase + at;
    }

    /** Receives matches as they are found. */
    @FunctionalInterface
    interface Found {
        /** @param end the index just after the match; @param length the longest match ending there */
        void match(int end, int length);
    }
}
