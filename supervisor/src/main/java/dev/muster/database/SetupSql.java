package dev.muster.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The few statement shapes the database step uses, on one autocommit connection. */
final class SetupSql {
    private final Connection connection;

    SetupSql(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(true);
    }

    Connection connection() {
        return connection;
    }

    /** {@code name} as a quoted identifier, safe whatever it contains. */
    String identifier(String name) throws SQLException {
        return DatabaseSetupStep.pg(connection).escapeIdentifier(name);
    }

    void execute(String statement) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    /** Whether the query's first row exists and its first column is true. */
    boolean bool(String query, String... parameters) throws SQLException {
        try (PreparedStatement s = prepare(query, parameters); ResultSet row = s.executeQuery()) {
            return row.next() && row.getBoolean(1);
        }
    }

    /** The first column of the first row, or null when there is no row. */
    String text(String query, String... parameters) throws SQLException {
        try (PreparedStatement s = prepare(query, parameters); ResultSet row = s.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

    /** Whether the query returns a row. */
    boolean exists(String query, String... parameters) throws SQLException {
        try (PreparedStatement s = prepare(query, parameters); ResultSet row = s.executeQuery()) {
            return row.next();
        }
    }

    private PreparedStatement prepare(String query, String... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query);
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i]);
        }
        return statement;
    }
}
