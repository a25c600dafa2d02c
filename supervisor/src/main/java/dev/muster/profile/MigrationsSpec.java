package dev.muster.profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Versioned SQL migrations ({@code kind: migrations}) run with Flyway.
 *
 * @param database        where
 * @param schemas         the schemas Flyway manages (default [public]); its history table lives in the first
 * @param directory       the directory of {@code V2__add_column.sql} files
 * @param baselineVersion the version recorded when the schemas already have tables but no Flyway
 *                        history (default "1": a bootstrap file is version 1, so migrations start at V2)
 */
public record MigrationsSpec(DatabaseSpec database, List<String> schemas, Path directory, String baselineVersion) {
    public static final String DEFAULT_BASELINE = "1";

    public MigrationsSpec {
        Objects.requireNonNull(database, "database");
        schemas = List.copyOf(schemas);
        if (schemas.isEmpty()) {
            throw new IllegalArgumentException("schemas must not be empty");
        }
        Objects.requireNonNull(directory, "directory");
        baselineVersion = baselineVersion == null ? DEFAULT_BASELINE : baselineVersion;
    }
}
