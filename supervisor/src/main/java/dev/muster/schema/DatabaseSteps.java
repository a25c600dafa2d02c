package dev.muster.schema;

import dev.muster.database.DatabaseSetupStep;
import dev.muster.database.PgConnector;
import dev.muster.profile.Kind;
import dev.muster.step.InProcessStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The in-process steps muster runs for {@code kind: schema}, {@code kind: migrations} and {@code kind: database}. */
public final class DatabaseSteps {
    private DatabaseSteps() {
    }

    /** @param env muster's environment, for the host name recorded with each application ({@code HOSTNAME}) */
    public static Map<Kind, InProcessStep> create(Clock clock, Map<String, String> env) {
        return create(clock, env, EmptyDatabaseRestore.none());
    }

    /** @param restore what the schema guard asks on a fresh database ({@code backups:} with {@code restore:}) */
    public static Map<Kind, InProcessStep> create(Clock clock, Map<String, String> env, EmptyDatabaseRestore restore) {
        PgConnector connector = new PgConnector();
        return Map.of(Kind.SCHEMA, new SchemaGuard(connector, clock, hostName(env), restore),
                Kind.MIGRATIONS, new MigrationsStep(connector),
                Kind.DATABASE, new DatabaseSetupStep(connector));
    }

    /** The machine's name: {@code HOSTNAME}, else /etc/hostname, else "unknown". */
    public static String host(Map<String, String> env) {
        return hostName(env);
    }

    static String hostName(Map<String, String> env) {
        String host = env.get("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
