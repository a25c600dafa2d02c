package dev.muster.slice;

import dev.muster.profile.DatabaseSpec;
import dev.muster.profile.MigrationsSpec;
import dev.muster.profile.ProbeSpec;
import dev.muster.profile.SchemaSpec;
import dev.muster.profile.ServiceSpec;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Re-aims the database of a schema or migrations step at its external PostgreSQL: a step written
 * for one machine connects to {@code 127.0.0.1} (or a unix-socket directory); when the PostgreSQL
 * it depends on runs elsewhere, it connects where that service's postgres probe now points.
 */
final class StepDatabases {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

    private StepDatabases() {
    }

    static ServiceSpec aimed(ServiceSpec s, Map<String, ServiceSpec> externals) {
        if (s.schema() == null && s.migrations() == null) {
            return s;
        }
        DatabaseSpec current = s.schema() != null ? s.schema().database() : s.migrations().database();
        Optional<DatabaseSpec> target = s.dependsOn().keySet().stream().map(externals::get)
                .filter(e -> e != null && e.ready().probe() instanceof ProbeSpec.Postgres)
                .map(e -> ((ProbeSpec.Postgres) e.ready().probe()).database())
                .filter(db -> db.port() == current.port())
                .findFirst();
        if (target.isEmpty() || !(current.isSocket() || LOOPBACK.contains(current.host()))) {
            return s;
        }
        DatabaseSpec moved = new DatabaseSpec(target.get().host(), current.port(), current.user(), current.password(),
                current.name(), current.sslmode());
        SchemaSpec schema = s.schema() == null ? null : new SchemaSpec(moved, s.schema().schemas(), s.schema().apply());
        MigrationsSpec migrations = s.migrations() == null ? null : new MigrationsSpec(moved, s.migrations().schemas(),
                s.migrations().directory(), s.migrations().baselineVersion());
        return s.withSteps(schema, migrations);
    }
}
