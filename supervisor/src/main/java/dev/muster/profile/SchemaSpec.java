package dev.muster.profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The schema guard ({@code kind: schema}): apply {@code apply} only when no listed schema has a table.
 *
 * @param database where
 * @param schemas  the schemas counted (default [public]); never muster's own schema
 * @param apply    the bootstrap SQL file, applied in one transaction
 */
public record SchemaSpec(DatabaseSpec database, List<String> schemas, Path apply) {
    /** The schema where muster records what it applied; never counted, never listed. */
    public static final String MUSTER_SCHEMA = "muster";

    public SchemaSpec {
        Objects.requireNonNull(database, "database");
        schemas = List.copyOf(schemas);
        if (schemas.isEmpty()) {
            throw new IllegalArgumentException("schemas must not be empty");
        }
        Objects.requireNonNull(apply, "apply");
    }
}
