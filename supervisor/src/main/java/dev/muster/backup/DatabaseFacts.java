package dev.muster.backup;

import dev.muster.database.PgConnector;
import dev.muster.profile.DatabaseSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a dump or a restore reports about a database: the server's version and its user tables (ordinary
 * and partitioned, outside the system schemas and muster's own, not owned by an extension).
 *
 * @param serverVersion {@code server_version}, e.g. "15.14 (Debian 15.14-0+deb12u1)"
 * @param tables        qualified, quoted names of the user tables
 */
record DatabaseFacts(String serverVersion, List<String> tables) {
    private static final String TABLES = """
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'muster')
               AND n.nspname NOT LIKE 'pg\\_%'
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                 AND d.objid = c.oid AND d.deptype = 'e')
             ORDER BY 1""";
    /** Rows are counted exactly only up to this many tables; beyond, the report gives tables only. */
    static final int COUNTED_TABLES = 200;

    DatabaseFacts {
        tables = List.copyOf(tables);
    }

    static DatabaseFacts read(PgConnector connector, DatabaseSpec database) throws SQLException {
        try (Connection connection = connector.open(database, Duration.ofSeconds(30));
             Statement statement = connection.createStatement()) {
            String version;
            try (ResultSet row = statement.executeQuery("SHOW server_version")) {
                version = row.next() ? row.getString(1) : "?";
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(TABLES)) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            return new DatabaseFacts(version, tables);
        }
    }

    /** The exact number of rows in every user table, or -1 when there are too many tables to count cheaply. */
    static long rows(PgConnector connector, DatabaseSpec database, List<String> tables) throws SQLException {
        if (tables.size() > COUNTED_TABLES) {
            return -1;
        }
        long rows = 0;
        try (Connection connection = connector.open(database, Duration.ofMinutes(2));
             Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows += row.next() ? row.getLong(1) : 0;
                }
            }
        }
        return rows;
    }
}
