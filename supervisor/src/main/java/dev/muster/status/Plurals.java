package dev.muster.status;

/** Counted nouns for people: "1 service", "3 services", "1 attempt". */
public final class Plurals {
    private Plurals() {
    }

    /** {@code count} and the noun, with an "s" unless the count is one. */
    public static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
