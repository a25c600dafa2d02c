package dev.muster.profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The schema guard ({@code kind: schema}): apply {@code apply} only when no listed schema has a table.
 *
 * @param database where
 * @param schemas  the schemas counted (default [public])
 * @param apply    the bootstrap SQL file
 */
public record SchemaSpec(DatabaseSpec database, List<String> schemas, Path apply) {
    public SchemaSpec {
        Objects.requireNonNull(database, "database");
        schemas = List.copyOf(schemas);
        Objects.requireNonNull(apply, "apply");
    }
}
