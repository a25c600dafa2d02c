package dev.muster.profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Versioned SQL migrations ({@code kind: migrations}) run with Flyway.
 *
 * @param database  where
 * @param schemas   the schemas Flyway manages (default [public])
 * @param directory the directory of {@code V1__name.sql} files
 */
public record MigrationsSpec(DatabaseSpec database, List<String> schemas, Path directory) {
    public MigrationsSpec {
        Objects.requireNonNull(database, "database");
        schemas = List.copyOf(schemas);
        Objects.requireNonNull(directory, "directory");
    }
}
