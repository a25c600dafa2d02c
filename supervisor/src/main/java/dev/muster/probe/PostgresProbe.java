package dev.muster.probe;

import dev.muster.database.ConnectionFailure;
import dev.muster.database.PgConnector;
import dev.muster.profile.DatabaseSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Ready when a real {@code SELECT 1} succeeds: the server accepts connections, authenticates the
 * user and has the database. Not yet: port closed, host unreachable, "the database system is
 * starting up". Fatal at once: authentication failed, unknown database or role, SSL mismatch.
 */
final class PostgresProbe implements Probe {
    private final DatabaseSpec database;
    private final PgConnector connector;

    PostgresProbe(DatabaseSpec database, PgConnector connector) {
        this.database = database;
        this.connector = connector;
    }

    @Override
    public ProbeResult check(Duration timeout) {
        try (Connection connection = connector.open(database, timeout);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT 1")) {
            result.next();
            return ProbeResult.ready("SELECT 1 answered on " + database.describe());
        } catch (SQLException e) {
            ConnectionFailure failure = ConnectionFailure.of(e, database);
            return failure.fatal() ? ProbeResult.fatal(failure.message()) : ProbeResult.notYet(failure.message());
        }
    }

    @Override
    public String describe() {
        return "postgres " + database.describe();
    }
}
