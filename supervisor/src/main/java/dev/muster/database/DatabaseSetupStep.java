package dev.muster.database;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.profile.DatabaseSetupSpec;
import dev.muster.profile.DatabaseSpec;
import dev.muster.profile.ServiceSpec;
import dev.muster.step.InProcessStep;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.postgresql.PGConnection;

/**
 * {@code kind: database}: makes a PostgreSQL server have the stack's login role (with its password),
 * its database (with its owner) and the database's extensions, connected as the server's superuser
 * through pgjdbc, so no {@code psql ... || CREATE ROLE} script is needed. Idempotent: what exists and
 * matches is left alone, and a second run reports "nothing to do". Names are quoted by pgjdbc's
 * {@code escapeIdentifier}; the password is hashed locally and sent as a SCRAM verifier (or md5 when
 * the server's {@code password_encryption} says so), so it is neither printed nor in the server's
 * statement log. Two supervisors serialise on an advisory lock.
 */
public final class DatabaseSetupStep implements InProcessStep {
    /** Bounds connecting and each statement (CREATE DATABASE copies a template). */
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Bounds each connection of a {@link #preview}: check must answer quickly. */
    static final Duration PREVIEW_TIMEOUT = Duration.ofSeconds(5);
    private static final long LOCK_KEY = 0x6d75737465720014L;

    private final PgConnector connector;

    public DatabaseSetupStep(PgConnector connector) {
        this.connector = connector;
    }

    @Override
    public String run(ServiceSpec spec, Consumer<String> log) {
        List<String> changes;
        try {
            changes = changes(spec.setup(), false);
        } catch (SQLException e) {
            throw failed(spec, e);
        }
        changes.forEach(log);
        return changes.isEmpty() ? "nothing to do" : summary(changes);
    }

    /**
     * What {@link #run} would do now, for {@code muster check}, changing nothing: "would create role app,
     * database app owned by app", "nothing to do", or why the server cannot be asked (it may not run yet).
     */
    public String preview(DatabaseSetupSpec setup) {
        try {
            List<String> changes = changes(setup, true);
            return changes.isEmpty() ? "nothing to do" : "would " + summary(changes.stream()
                    .map(change -> change.replaceFirst("^created", "create").replaceFirst("^changed", "change")).toList());
        } catch (SQLException e) {
            return "cannot ask " + setup.server().address() + " now (" + (e instanceof SetupFailure ? e.getMessage()
                    : e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")") + "); up runs this step once the server is ready";
        }
    }

    private List<String> changes(DatabaseSetupSpec setup, boolean dryRun) throws SQLException {
        List<String> changes = new ArrayList<>();
        DatabaseSpec server = setup.server();
        boolean databaseExists;
        Duration timeout = dryRun ? PREVIEW_TIMEOUT : TIMEOUT;
        try (Connection connection = open(server, timeout)) {
            SetupSql sql = new SetupSql(connection);
            requireSuperuser(sql, server);
            if (!dryRun) {
                sql.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            }
            if (setup.role() != null) {
                changes.addAll(new RoleSetup(sql, dryRun).ensure(setup.role()));
            }
            databaseExists = setup.database() == null || sql.exists("SELECT 1 FROM pg_database WHERE datname = ?",
                    setup.database());
            if (setup.database() != null) {
                changes.addAll(ensureDatabase(sql, setup.database(), setup.owner(), dryRun));
            }
        }
        if (!setup.extensions().isEmpty() && (databaseExists || !dryRun)) {
            try (Connection connection = open(setup.serverFor(setup.database()), timeout)) {
                changes.addAll(new ExtensionSetup(new SetupSql(connection), dryRun).ensure(setup.database(),
                        setup.extensions()));
            }
        } else if (!setup.extensions().isEmpty()) {
            setup.extensions().forEach(extension -> changes.add("created extension " + extension + " in "
                    + setup.database()));
        }
        return changes;
    }

    private Connection open(DatabaseSpec database, Duration timeout) throws SQLException {
        try {
            return connector.open(database, timeout);
        } catch (SQLException e) {
            throw new SetupFailure(ConnectionFailure.of(e, database).message(), e);
        }
    }

    private static void requireSuperuser(SetupSql sql, DatabaseSpec server) throws SQLException {
        if (!sql.bool("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            throw new SetupFailure(server.user() + " is not a superuser on " + server.address() + "; set server.user"
                    + " to the server's superuser (postgres, or the -U given to initdb)", null);
        }
    }

    private static List<String> ensureDatabase(SetupSql sql, String name, String owner, boolean dryRun)
            throws SQLException {
        String current = sql.text("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", name);
        if (current == null) {
            if (!dryRun) {
                sql.execute("CREATE DATABASE " + sql.identifier(name) + " OWNER " + sql.identifier(owner));
            }
            return List.of("created database " + name + " owned by " + owner);
        }
        if (!current.equals(owner)) {
            if (!dryRun) {
                sql.execute("ALTER DATABASE " + sql.identifier(name) + " OWNER TO " + sql.identifier(owner));
            }
            return List.of("changed the owner of database " + name + " from " + current + " to " + owner);
        }
        return List.of();
    }

    /** "created role app, database app owned by app, extension pgcrypto": the verbs of a run joined. */
    static String summary(List<String> changes) {
        StringBuilder line = new StringBuilder();
        String lastVerb = "";
        for (String change : changes) {
            int space = change.indexOf(' ');
            String verb = change.substring(0, space);
            if (line.length() > 0) {
                line.append(", ");
            }
            line.append(verb.equals(lastVerb) ? change.substring(space + 1) : change);
            lastVerb = verb;
        }
        return line.toString();
    }

    private static MusterException failed(ServiceSpec spec, SQLException e) {
        String reason = e instanceof SetupFailure ? e.getMessage() : e.getMessage()
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
        return new MusterException(ExitCodes.SERVICE_FAILED, "database step " + spec.name() + " on "
                + spec.setup().server().address() + " failed: " + reason
                + "; nothing is left half-done (each statement is atomic), so fix it and start again");
    }

    /** A failure whose message is already the explanation. */
    static final class SetupFailure extends SQLException {
        SetupFailure(String message, Throwable cause) {
            super(message, null, cause);
        }
    }

    static PGConnection pg(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class);
    }
}
