package dev.muster.schema;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.database.PgConnector;
import dev.muster.profile.SchemaSpec;
import dev.muster.profile.ServiceSpec;
import dev.muster.step.InProcessStep;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The schema guard ({@code kind: schema}): applies a bootstrap file only to an empty database, so a
 * restart can never run it against data. Under a PostgreSQL advisory lock held for its one
 * transaction (so two supervisors booting against one database apply it at most once) it counts the
 * user tables in the listed schemas and follows {@link SchemaDecision}'s table. Applying is one
 * transaction: the file, a check that every listed schema now has tables, and the record in
 * {@code muster.schema_history}; any failure rolls all of it back. {@link #cancel} (muster is
 * stopping) cancels the running statement, so the transaction rolls back and PostgreSQL can be
 * stopped cleanly at once.
 */
public final class SchemaGuard implements InProcessStep {
    /** The advisory lock key: "muster" in ASCII. Flyway uses other keys. */
    static final long LOCK_KEY = 0x6d7573746572L;
    static final Duration LOCK_WAIT = Duration.ofMinutes(5);

    private final PgConnector connector;
    private final Clock clock;
    private final String host;
    private final EmptyDatabaseRestore restore;
    private final Map<String, Statement> running = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    /** @param host the machine's name, recorded with each application */
    public SchemaGuard(PgConnector connector, Clock clock, String host) {
        this(connector, clock, host, EmptyDatabaseRestore.none());
    }

    /** @param restore asked, under the lock, to restore a fresh database from a dump before the decision */
    public SchemaGuard(PgConnector connector, Clock clock, String host, EmptyDatabaseRestore restore) {
        this.connector = connector;
        this.clock = clock;
        this.host = host;
        this.restore = restore;
    }

    @Override
    public String run(ServiceSpec spec, Consumer<String> log) {
        SchemaSpec schema = spec.schema();
        BootstrapFile file = BootstrapFile.read(schema.apply());
        if (!file.unusable().isEmpty()) {
            throw failed("cannot apply " + file.path() + " in one transaction: " + String.join("; ", file.unusable()));
        }
        log.accept("bootstrap file " + file.path() + " (sha256 " + file.shortSha() + ")"
                + (file.destructive().isEmpty() ? "" : "; it contains destructive statements: " + file.destructive()));
        String database = schema.database().describe();
        try (Connection connection = StepConnections.open(connector, schema.database(), Duration.ZERO, "schema")) {
            connection.setAutoCommit(false);
            lock(connection, spec.name(), database, log);
            DatabaseState state = SchemaInspector.inspect(connection, schema.schemas());
            String restored = "";
            if (state.total() == 0 && state.lastApplied() == null) {
                Optional<String> report = restore.restore(schema, log);
                if (report.isPresent()) {
                    restored = report.get() + "; ";
                    state = SchemaInspector.inspect(connection, schema.schemas());
                }
            }
            log.accept("tables per schema: " + state.tables().toString().replaceAll("[{}]", "")
                    + (state.lastApplied() == null ? "; nothing recorded in " + SchemaHistory.TABLE
                    : "; last recorded: " + state.lastApplied().file() + " sha256 "
                    + state.lastApplied().sha256().substring(0, 12)));
            Verdict verdict = SchemaDecision.decide(schema.database().name(), state, file);
            if (verdict.action() != Verdict.Action.APPLY) {
                connection.rollback();
                if (verdict.action().refuses()) {
                    throw failed(restored + verdict.message());
                }
                return restored + verdict.message();
            }
            log.accept(verdict.message());
            return apply(connection, spec.name(), schema, file);
        } catch (SQLException e) {
            throw failed(cancelled.contains(spec.name()) ? "cancelled because muster is stopping; the transaction"
                    + " was rolled back, nothing was applied"
                    : "the schema guard failed on " + database + ": " + e.getMessage()
                    + "; nothing was applied (the transaction was rolled back)");
        } finally {
            running.remove(spec.name());
            cancelled.remove(spec.name());
        }
    }

    @Override
    public void cancel(ServiceSpec spec) {
        cancelled.add(spec.name());
        restore.cancel();
        Statement statement = running.get(spec.name());
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // The connection is going away with PostgreSQL's shutdown: the transaction rolls back either way.
            }
        }
    }

    private void lock(Connection connection, String name, String database, Consumer<String> log) throws SQLException {
        try (Statement statement = watched(connection, name)) {
            if (StepConnections.bool(statement, "SELECT pg_try_advisory_xact_lock(" + LOCK_KEY + ")")) {
                return;
            }
            log.accept("another supervisor holds the schema lock on " + database + "; waiting for it (at most "
                    + LOCK_WAIT.toMinutes() + " minutes)");
            statement.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT.toSeconds() + "s'");
            statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            statement.execute("SET LOCAL lock_timeout = DEFAULT");
        }
    }

    private String apply(Connection connection, String name, SchemaSpec schema, BootstrapFile file)
            throws SQLException {
        try (Statement statement = watched(connection, name)) {
            statement.execute(file.sql());
        } catch (SQLException e) {
            connection.rollback();
            if (cancelled.contains(name)) {
                throw e;
            }
            throw failed("applying " + file.path() + " to " + schema.database().describe() + " failed: "
                    + e.getMessage() + "; it was rolled back, nothing changed. Fix the file and start again");
        }
        Map<String, Integer> after = SchemaInspector.tables(connection, schema.schemas());
        List<String> stillEmpty = new ArrayList<>();
        after.forEach((schemaName, count) -> {
            if (count == 0) {
                stillEmpty.add(schemaName);
            }
        });
        if (!stillEmpty.isEmpty()) {
            connection.rollback();
            throw failed(file.name() + " created no tables in " + String.join(", ", stillEmpty) + "; it was rolled"
                    + " back, nothing changed. List under schemas: only the schemas the file creates tables in,"
                    + " so that the next boot recognises the database as initialised");
        }
        DatabaseState created = new DatabaseState(after, null);
        SchemaHistory.record(connection, file, clock.instant(), host, String.join(",", schema.schemas()), created.total());
        connection.commit();
        return "applied " + file.name() + " (sha256 " + file.shortSha() + ") to the empty database "
                + schema.database().name() + ": created " + created.describeTables() + "; recorded in "
                + SchemaHistory.TABLE;
    }

    /** A statement {@link #cancel} can reach; fails at once if cancelling came first. */
    private Statement watched(Connection connection, String name) throws SQLException {
        Statement statement = connection.createStatement();
        running.put(name, statement);
        if (cancelled.contains(name)) {
            statement.close();
            throw new SQLException("cancelled");
        }
        return statement;
    }

    /** What {@code up} would do, for {@code muster check}; changes nothing. */
    public StepPreview preview(SchemaSpec schema) {
        List<String> lines = new ArrayList<>();
        BootstrapFile file;
        try {
            file = BootstrapFile.read(schema.apply());
        } catch (MusterException e) {
            return new StepPreview(List.of(e.getMessage()), true);
        }
        file.unusable().forEach(problem -> lines.add("cannot apply " + file.name() + ": " + problem));
        if (!file.destructive().isEmpty()) {
            lines.add("WARNING: " + file.name() + " contains destructive statements " + file.destructive()
                    + "; the guard applies it only to a database without tables in " + String.join(", ", schema.schemas()));
        }
        try (Connection connection = StepConnections.open(connector, schema.database(), StepPreview.TIMEOUT, "schema")) {
            connection.setReadOnly(true);
            Verdict verdict = SchemaDecision.decide(schema.database().name(),
                    SchemaInspector.inspect(connection, schema.schemas()), file);
            lines.add(verdict.action().preview() + ": " + verdict.message());
        } catch (MusterException | SQLException e) {
            lines.add("cannot tell yet what it will do: " + e.getMessage() + " (it decides at boot)");
        }
        return new StepPreview(lines, !file.unusable().isEmpty());
    }

    private static MusterException failed(String message) {
        return new MusterException(ExitCodes.SERVICE_FAILED, message);
    }
}
