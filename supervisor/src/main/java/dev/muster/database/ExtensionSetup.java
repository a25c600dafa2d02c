package dev.muster.database;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ensures extensions in one database ({@code CREATE EXTENSION}), connected to it as the superuser.
 * One the server does not have installed fails with the package to install.
 */
final class ExtensionSetup {
    private final SetupSql sql;
    private final boolean dryRun;

    /** @param dryRun only report what would change, change nothing */
    ExtensionSetup(SetupSql sql, boolean dryRun) {
        this.sql = sql;
        this.dryRun = dryRun;
    }

    List<String> ensure(String database, List<String> extensions) throws SQLException {
        List<String> changes = new ArrayList<>();
        for (String extension : extensions) {
            if (sql.exists("SELECT 1 FROM pg_extension WHERE extname = ?", extension)) {
                continue;
            }
            if (!sql.exists("SELECT 1 FROM pg_available_extensions WHERE name = ?", extension)) {
                throw new DatabaseSetupStep.SetupFailure("extension " + extension + " is not installed on the server"
                        + " (pg_available_extensions has no " + extension + "); install its package in the image"
                        + " (e.g. postgresql-contrib, postgresql-15-pgvector) or remove it from database.extensions", null);
            }
            if (!dryRun) {
                sql.execute("CREATE EXTENSION IF NOT EXISTS " + sql.identifier(extension));
            }
            changes.add("created extension " + extension + " in " + database);
        }
        return changes;
    }
}
