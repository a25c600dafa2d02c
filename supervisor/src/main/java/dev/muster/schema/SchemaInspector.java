package dev.muster.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the guard decides on, changing nothing: the user tables per listed schema (ordinary and
 * partitioned tables, not those an extension owns, such as PostGIS's {@code spatial_ref_sys}) and
 * the newest row of {@code muster.schema_history}.
 */
final class SchemaInspector {
    private static final String COUNT = """
            SELECT s.name, (SELECT count(*) FROM pg_class c
                             WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p')
                               AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                                WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                                  AND d.deptype = 'e')) AS tables
              FROM unnest(?::text[]) WITH ORDINALITY AS s(name, position)
              LEFT JOIN pg_namespace n ON n.nspname = s.name
             ORDER BY s.position""";

    private SchemaInspector() {
    }

    static DatabaseState inspect(Connection connection, List<String> schemas) throws SQLException {
        return new DatabaseState(tables(connection, schemas), SchemaHistory.last(connection));
    }

    static Map<String, Integer> tables(Connection connection, List<String> schemas) throws SQLException {
        Map<String, Integer> tables = new LinkedHashMap<>();
        Array names = connection.createArrayOf("text", schemas.toArray());
        try (PreparedStatement count = connection.prepareStatement(COUNT)) {
            count.setArray(1, names);
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    tables.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return tables;
    }

    /** Whether the relation {@code qualifiedName} exists. */
    static boolean exists(Connection connection, String qualifiedName) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            check.setString(1, qualifiedName);
            try (ResultSet row = check.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    static String serverVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW server_version")) {
            return row.next() ? row.getString(1) : "?";
        }
    }
}
