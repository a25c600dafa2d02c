package dev.muster.schema;

import dev.muster.profile.SchemaSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * muster's record of what the guard applied: {@code muster.schema_history} (file name, sha256, time,
 * host, schemas, tables created), in a schema of its own that the guard never counts.
 */
final class SchemaHistory {
    static final String TABLE = SchemaSpec.MUSTER_SCHEMA + ".schema_history";
    private static final String CREATE = """
            CREATE SCHEMA IF NOT EXISTS %1$s;
            CREATE TABLE IF NOT EXISTS %2$s (
                id         bigserial PRIMARY KEY,
                file       text        NOT NULL,
                sha256     text        NOT NULL,
                applied_at timestamptz NOT NULL,
                host       text        NOT NULL,
                schemas    text        NOT NULL,
                tables     integer     NOT NULL
            )""".formatted(SchemaSpec.MUSTER_SCHEMA, TABLE);

    private SchemaHistory() {
    }

    /** The newest record, or null when there is none (or no history table). */
    static DatabaseState.Applied last(Connection connection) throws SQLException {
        if (!SchemaInspector.exists(connection, TABLE)) {
            return null;
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT file, sha256, applied_at, host FROM " + TABLE
                     + " ORDER BY id DESC LIMIT 1")) {
            return row.next() ? new DatabaseState.Applied(row.getString(1), row.getString(2),
                    row.getTimestamp(3).toInstant(), row.getString(4)) : null;
        }
    }

    /** Creates the table if needed and records one application, inside the caller's transaction. */
    static void record(Connection connection, BootstrapFile file, Instant at, String host, String schemas, int tables)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                + " (file, sha256, applied_at, host, schemas, tables) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, file.name());
            insert.setString(2, file.sha256());
            insert.setTimestamp(3, Timestamp.from(at));
            insert.setString(4, host);
            insert.setString(5, schemas);
            insert.setInt(6, tables);
            insert.executeUpdate();
        }
    }
}
