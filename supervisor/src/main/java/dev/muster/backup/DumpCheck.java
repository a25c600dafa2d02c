package dev.muster.backup;

import java.util.Objects;

/**
 * Whether one dump can be restored.
 *
 * @param set      the dump's files
 * @param manifest its manifest; null when missing or unreadable
 * @param problem  why it cannot be restored; null when it is valid
 */
record DumpCheck(DumpSet set, Manifest manifest, String problem) {
    DumpCheck {
        Objects.requireNonNull(set, "set");
    }

    boolean valid() {
        return problem == null;
    }
}
