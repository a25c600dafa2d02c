package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What reading one profile file has spent of {@link ProfileLimits}: aliases used, values built
 * (alias copies included) and the depth of {@code ${...}} in each string. Passing a bound throws
 * {@link OverLimit}, which the reader turns into one problem; nothing is built past the bound.
 */
final class ReadBudget {
    private int aliases;
    private long nodes;

    /** Thrown when a file passes a bound; carries the message and the line (0 for the whole file). */
    static final class OverLimit extends RuntimeException {
        private final int line;

        OverLimit(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** Counts one value the parser produced. */
    void value() {
        spend(1);
    }

    /** Counts one use of an alias ({@code *name}), resolved or not. */
    void alias() {
        if (++aliases > ProfileLimits.MAX_ALIASES) {
            throw new OverLimit(0, "uses more than " + ProfileLimits.MAX_ALIASES + " aliases (*name); a profile needs"
                    + " a few: write the repeated parts out, or use fewer aliases");
        }
    }

    /** Counts the values a copy of {@code anchor} adds, before it is copied. */
    void copy(JsonNode anchor) {
        spend(nodeCount(anchor, ProfileLimits.MAX_NODES - nodes + 1));
    }

    /** Checks the {@code ${...}} nesting of a string value written on {@code line}. */
    static void text(String value, int line) {
        if (ProfileLimits.interpolationNesting(value) > ProfileLimits.MAX_INTERPOLATION_NESTING) {
            throw new OverLimit(line, "nests ${...} inside defaults more than " + ProfileLimits.MAX_INTERPOLATION_NESTING
                    + " levels deep; a profile needs 2 or 3: simplify the default, or set the variable in env:");
        }
    }

    /** Checks the nesting of mappings and lists when a container is opened at {@code depth}. */
    static void depth(int depth, int line) {
        if (depth >= ProfileLimits.MAX_NESTING) {
            throw new OverLimit(line, tooDeep());
        }
    }

    static String tooDeep() {
        return "nests mappings and lists more than " + ProfileLimits.MAX_NESTING + " levels deep; a profile needs"
                + " about 6: check the indentation, or the file is not a profile";
    }

    private void spend(long count) {
        nodes += count;
        if (nodes > ProfileLimits.MAX_NODES) {
            throw new OverLimit(0, "expands to more than " + ProfileLimits.MAX_NODES + " values once its aliases (*name)"
                    + " are copied; a profile is far smaller: write the repeated parts out, or use fewer aliases");
        }
    }

    /** The nodes in {@code node}'s tree, counting no further than {@code cap}. */
    private static long nodeCount(JsonNode node, long cap) {
        long count = 0;
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(node);
        while (!pending.isEmpty() && count < cap) {
            JsonNode next = pending.pop();
            count++;
            next.elements().forEachRemaining(pending::push);
        }
        return count;
    }
}
