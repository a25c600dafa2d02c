package dev.muster.schema;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.database.ConnectionFailure;
import dev.muster.database.PgConnector;
import dev.muster.profile.DatabaseSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** Connecting for a database step: a failure becomes one message that names its cause. */
final class StepConnections {
    private StepConnections() {
    }

    /** @throws MusterException (exit 1) saying why the connection failed and what to do */
    static Connection open(PgConnector connector, DatabaseSpec database, Duration timeout, String step) {
        try {
            return connector.open(database, timeout);
        } catch (SQLException e) {
            ConnectionFailure failure = ConnectionFailure.of(e, database);
            throw new MusterException(ExitCodes.SERVICE_FAILED, "the " + step + " step cannot connect to "
                    + database.describe() + ": " + failure.message()
                    + (failure.fatal() ? "" : "; make the step depend on the database service (depends_on) so it"
                    + " runs once the database is ready"));
        }
    }

    static boolean bool(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            return row.next() && row.getBoolean(1);
        }
    }
}
