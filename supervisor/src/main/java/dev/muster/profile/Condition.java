package dev.muster.profile;

import java.util.Locale;

/**
 * When a dependency counts as satisfied. The short form of {@code depends_on} means
 * {@link #COMPLETED} for a task and {@link #READY} for a service.
 */
public enum Condition {
    /** The process has been launched. */
    STARTED,
    /** Its readiness probe passed (or, without a probe, it was launched). */
    READY,
    /** It exited with status 0 (or, for a task, was skipped because {@code creates} exists). */
    COMPLETED;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
