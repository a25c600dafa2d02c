package dev.muster.schema;

/**
 * What the guard does with the database it found, and the sentence that says so.
 *
 * @param action  one row of the decision table
 * @param message what was found and what happens (or what to do, for a refusal)
 */
record Verdict(Action action, String message) {

    /** The guard's decision table. */
    enum Action {
        /** No listed schema has a table and there is no history: apply the file and record it. */
        APPLY,
        /** Every listed schema has tables: a normal restart, nothing to do. */
        ALREADY_INITIALISED,
        /** Every listed schema has tables, and the file changed since it was applied: warn, do not apply. */
        FILE_CHANGED,
        /** Some listed schemas have tables and others none: refuse. */
        REFUSE_PARTIAL,
        /** The history says the file was applied, but no listed schema has a table any more: refuse. */
        REFUSE_EMPTIED;

        /** What {@code muster check} says the guard would do. */
        String preview() {
            return switch (this) {
                case APPLY -> "would apply the file";
                case ALREADY_INITIALISED -> "would leave the database alone";
                case FILE_CHANGED -> "would leave the database alone and warn";
                default -> "would refuse to boot (exit 1)";
            };
        }

        boolean refuses() {
            return this == REFUSE_PARTIAL || this == REFUSE_EMPTIED;
        }
    }
}
