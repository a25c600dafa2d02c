package dev.muster.profile;

import java.util.Locale;

/**
 * What a service entry is: a long-running {@code service}, a run-to-completion {@code task}, or a
 * database step muster performs itself ({@code schema}: the guard that applies a bootstrap file
 * only to an empty database; {@code migrations}: versioned SQL files run with Flyway), or a service that
 * runs elsewhere ({@code external}: nothing is started, its {@code ready:} probe is waited for).
 */
public enum Kind {
    SERVICE, TASK, SCHEMA, MIGRATIONS, EXTERNAL;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether it finishes (task, schema, migrations) rather than keeps running (service). */
    public boolean runsToCompletion() {
        return this != SERVICE;
    }

    /** Whether muster does the work itself instead of launching a process. */
    public boolean inProcess() {
        return this == SCHEMA || this == MIGRATIONS;
    }
}
