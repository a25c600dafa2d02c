package dev.muster.slice;

import dev.muster.profile.DatabaseSetupSpec;
import dev.muster.profile.DatabaseSpec;
import dev.muster.profile.MigrationsSpec;
import dev.muster.profile.ProbeSpec;
import dev.muster.profile.SchemaSpec;
import dev.muster.profile.ServiceSpec;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Re-aims the database of a schema, migrations or {@code kind: database} step at its external
 * PostgreSQL: a step written for one machine connects to {@code 127.0.0.1} (or a unix-socket
 * directory); when the PostgreSQL it depends on runs elsewhere, it connects where that service's
 * postgres probe now points (with that probe's password when the step has none for the same
 * user, as a step that came in through a trusted unix socket). A step aimed at another host already, or at a port no external
 * PostgreSQL it depends on listens on, is left as written.
 */
final class StepDatabases {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

    private StepDatabases() {
    }

    static ServiceSpec aimed(ServiceSpec s, Map<String, ServiceSpec> externals) {
        if (s.schema() != null || s.migrations() != null) {
            DatabaseSpec current = s.schema() != null ? s.schema().database() : s.migrations().database();
            Optional<DatabaseSpec> moved = moved(current, s, externals);
            if (moved.isEmpty()) {
                return s;
            }
            SchemaSpec schema = s.schema() == null ? null : new SchemaSpec(moved.get(), s.schema().schemas(), s.schema().apply());
            MigrationsSpec migrations = s.migrations() == null ? null : new MigrationsSpec(moved.get(),
                    s.migrations().schemas(), s.migrations().directory(), s.migrations().baselineVersion());
            return s.withSteps(schema, migrations);
        }
        if (s.setup() != null) {
            DatabaseSetupSpec setup = s.setup();
            return moved(setup.server(), s, externals).map(server -> s.withSetup(new DatabaseSetupSpec(server, setup.role(),
                    setup.database(), setup.owner(), setup.extensions()))).orElse(s);
        }
        return s;
    }

    /** {@code current} at the host of the external PostgreSQL on its port that {@code s} depends on, if it moved. */
    private static Optional<DatabaseSpec> moved(DatabaseSpec current, ServiceSpec s, Map<String, ServiceSpec> externals) {
        if (!(current.isSocket() || LOOPBACK.contains(current.host()))) {
            return Optional.empty();
        }
        return s.dependsOn().keySet().stream().map(externals::get)
                .filter(e -> e != null && e.ready().probe() instanceof ProbeSpec.Postgres)
                .map(e -> ((ProbeSpec.Postgres) e.ready().probe()).database())
                .filter(db -> db.port() == current.port())
                .findFirst()
                .map(target -> new DatabaseSpec(target.host(), current.port(), current.user(), passwordOf(current, target),
                        current.name(), current.sslmode()));
    }

    /**
     * The step's own password, else the probe's when both log in as the same user: a step that came
     * in through a trusted unix socket needs one over the network.
     */
    private static String passwordOf(DatabaseSpec current, DatabaseSpec probe) {
        if (current.password() != null || !current.user().equals(probe.user())) {
            return current.password();
        }
        return probe.password();
    }
}
