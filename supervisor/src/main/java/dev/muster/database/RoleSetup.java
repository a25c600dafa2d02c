package dev.muster.database;

import dev.muster.profile.DatabaseSetupSpec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ensures a login role and its password. A new role is created with LOGIN and, when a password is
 * given, its password set through pgjdbc's {@code alterUserPassword} (hashed here, as the server's
 * {@code password_encryption} asks). An existing role gets LOGIN if it lacks it, and its password
 * only when the stored verifier does not match ({@link RolePasswords}).
 */
final class RoleSetup {
    private final SetupSql sql;
    private final boolean dryRun;

    /** @param dryRun only report what would change ("would create role app"), change nothing */
    RoleSetup(SetupSql sql, boolean dryRun) {
        this.sql = sql;
        this.dryRun = dryRun;
    }

    List<String> ensure(DatabaseSetupSpec.Role role) throws SQLException {
        List<String> changes = new ArrayList<>();
        boolean exists = sql.exists("SELECT 1 FROM pg_roles WHERE rolname = ?", role.name());
        if (!exists) {
            if (!dryRun) {
                sql.execute("CREATE ROLE " + sql.identifier(role.name()) + " LOGIN");
                setPassword(role);
            }
            changes.add("created role " + role.name());
            return changes;
        }
        if (!sql.bool("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?", role.name())) {
            if (!dryRun) {
                sql.execute("ALTER ROLE " + sql.identifier(role.name()) + " LOGIN");
            }
            changes.add("changed role " + role.name() + " to LOGIN");
        }
        String stored = sql.text("SELECT rolpassword FROM pg_authid WHERE rolname = ?", role.name());
        if (role.password() != null && !RolePasswords.matches(stored, role.name(), role.password())) {
            if (!dryRun) {
                setPassword(role);
            }
            changes.add("changed the password of role " + role.name());
        }
        return changes;
    }

    private void setPassword(DatabaseSetupSpec.Role role) throws SQLException {
        if (role.password() != null) {
            String encryption = sql.text("SHOW password_encryption");
            DatabaseSetupStep.pg(sql.connection()).alterUserPassword(role.name(), role.password().toCharArray(),
                    "md5".equals(encryption) ? "md5" : "scram-sha-256");
        }
    }
}
