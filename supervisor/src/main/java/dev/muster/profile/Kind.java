package dev.muster.profile;

import java.util.Locale;

/**
 * What a service entry is: a long-running {@code service}, a run-to-completion {@code task}, or a
 * database step muster performs itself ({@code schema}: the guard that applies a bootstrap file
 * only to an empty database; {@code migrations}: versioned SQL files run with Flyway; {@code database}:
 * an idempotent role, database and extensions), or a dependency muster does not start ({@code external}:
 * waited for with its ready probe).
 */
public enum Kind {
    SERVICE, TASK, SCHEMA, MIGRATIONS, DATABASE, EXTERNAL;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether it finishes (task, schema, migrations) rather than keeps running (service). */
    public boolean runsToCompletion() {
        return this != SERVICE && this != EXTERNAL;
    }

    /** Whether muster does the work itself instead of launching a process. */
    public boolean inProcess() {
        return this == SCHEMA || this == MIGRATIONS || this == DATABASE;
    }

    /** Whether muster launches a process (or container) for it: a service or a task. */
    public boolean launches() {
        return this == SERVICE || this == TASK;
    }
}
