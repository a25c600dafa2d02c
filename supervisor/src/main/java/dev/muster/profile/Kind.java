package dev.muster.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a service entry is: a long-running {@code service}, a run-to-completion {@code task}, a
 * database step muster performs itself ({@code schema}: the guard that applies a bootstrap file
 * only to an empty database; {@code migrations}: versioned SQL files run with Flyway;
 * {@code database}: the role, database and extensions a stack needs, created idempotently), or an
 * {@code external} dependency muster does not start and only waits for with its ready probe.
 */
public enum Kind {
    SERVICE, TASK, SCHEMA, MIGRATIONS, DATABASE, EXTERNAL;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind written as {@code text} in a profile, if it is one. */
    public static Optional<Kind> parse(String text) {
        return Arrays.stream(values()).filter(kind -> kind.yamlName().equals(text)).findFirst();
    }

    /** Whether it finishes (task, schema, migrations, database) rather than keeps running (service, external). */
    public boolean runsToCompletion() {
        return this != SERVICE && this != EXTERNAL;
    }

    /** Whether muster does the work itself instead of launching a process. */
    public boolean inProcess() {
        return this == SCHEMA || this == MIGRATIONS || this == DATABASE;
    }

    /** Whether muster launches a process (or container) for it: only services and tasks. */
    public boolean launches() {
        return this == SERVICE || this == TASK;
    }
}
