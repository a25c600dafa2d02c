package dev.muster.secret;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds every occurrence of a fixed set of strings in one left-to-right pass (an Aho–Corasick
 * automaton): the work is proportional to the text's length, whatever the strings are and however
 * often the text almost matches them. For each position it reports the longest string that ends
 * there, which is all a mask of the union of occurrences needs. Immutable and thread-safe.
 */
final class SecretMatcher {
    static final int ROOT = 0;
    private static final int ASCII = 128;

    private final char[][] keys;
    private final int[][] targets;
    private final int[] fail;
    private final int[] depth;
    private final int[] longest;
    private final int[] rootAscii = new int[ASCII];

    /** @param values the strings to find; empty strings are ignored */
    SecretMatcher(Collection<String> values) {
        List<Map<Character, Integer>> trie = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        trie.add(new TreeMap<>());
        depths.add(0);
        ends.add(0);
        for (String value : values) {
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
        int size = trie.size();
        keys = new char[size][];
        targets = new int[size][];
        depth = depths.stream().mapToInt(Integer::intValue).toArray();
        longest = ends.stream().mapToInt(Integer::intValue).toArray();
        for (int s = 0; s < size; s++) {
            keys[s] = new char[trie.get(s).size()];
            targets[s] = new int[trie.get(s).size()];
            int i = 0;
            for (Map.Entry<Character, Integer> edge : trie.get(s).entrySet()) {
                keys[s][i] = edge.getKey();
                targets[s][i++] = edge.getValue();
            }
        }
        fail = new int[size];
        linkFailures();
        for (char c = 0; c < ASCII; c++) {
            rootAscii[c] = child(ROOT, c);
        }
    }

    /** Whether there is nothing to find. */
    boolean isEmpty() {
        return keys.length == 1;
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

    /** {@link #scan}, adding to {@code work[0]} one per transition followed, for tests of its cost. */
    int scan(CharSequence text, int from, int to, int state, Found found, long[] work) {
        for (int i = from; i < to; i++) {
            state = step(state, text.charAt(i), work);
            if (longest[state] > 0) {
                found.match(i + 1, longest[state]);
            }
        }
        return state;
    }

    private int step(int state, char c, long[] work) {
        while (true) {
            if (work != null) {
                work[0]++;
            }
            if (state == ROOT && c < ASCII) {
                return Math.max(rootAscii[c], ROOT);
            }
            int next = child(state, c);
            if (next >= 0) {
                return next;
            }
            if (state == ROOT) {
                return ROOT;
            }
            state = fail[state];
        }
    }

    private int child(int state, char c) {
        int at = Arrays.binarySearch(keys[state], c);
        return at >= 0 ? targets[state][at] : -1;
    }

    /** Breadth first, so that every shorter state's failure link is known before it is needed. */
    private void linkFailures() {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : targets[ROOT]) {
            fail[child] = ROOT;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            for (int i = 0; i < keys[state].length; i++) {
                int child = targets[state][i];
                int link = fail[state];
                while (link != ROOT && child(link, keys[state][i]) < 0) {
                    link = fail[link];
                }
                int target = child(link, keys[state][i]);
                fail[child] = target >= 0 && target != child ? target : ROOT;
                longest[child] = Math.max(longest[child], longest[fail[child]]);
                queue.add(child);
            }
        }
    }

    /** Receives matches as they are found. */
    @FunctionalInterface
    interface Found {
        /** @param end the index just after the match; @param length the longest match ending there */
        void match(int end, int length);
    }
}
