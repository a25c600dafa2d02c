package dev.muster.schema;

import dev.muster.profile.SchemaSpec;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the schema guard asks, under its advisory lock, when the listed schemas have no tables and
 * muster never applied anything there (a fresh disk): restore the data from a dump before deciding.
 * Because it runs inside the lock, two supervisors restore at most once, and the bootstrap file is
 * never applied on top of a database that had data.
 */
public interface EmptyDatabaseRestore {
    /**
     * Restores the newest valid dump of {@code schema}'s database, completely or not at all.
     *
     * @return what was restored, in words; empty when nothing was configured or there is no dump
     *         (the guard then bootstraps the database as usual)
     * @throws dev.muster.MusterException (exit 1) to refuse the boot, with the fix in its message
     */
    Optional<String> restore(SchemaSpec schema, Consumer<String> log);

    /** Ends a running restore (muster is stopping); it then rolls back and throws. */
    default void cancel() {
    }

    /** No backups: the guard decides on the database as it is. */
    static EmptyDatabaseRestore none() {
        return (schema, log) -> Optional.empty();
    }
}
