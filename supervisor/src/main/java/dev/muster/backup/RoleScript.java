package dev.muster.backup;

import dev.muster.database.PgConnector;
import dev.muster.profile.DatabaseSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a {@code pg_dumpall --roles-only} file before a restore, so the restored objects' owners and
 * grants exist on a fresh cluster. Each statement commits on its own. A role that already exists (the
 * connecting superuser, or one a {@code kind: database} step created from the current environment) is
 * left as it is: its {@code ALTER ROLE} lines are skipped, so a password set from today's environment
 * is not replaced by the one of the dump.
 */
final class RoleScript {
    private static final Pattern ROLE_STATEMENT = Pattern.compile("(?i)^(CREATE|ALTER) ROLE (\"(?:[^\"]|\"\")+\"|\\S+?)[ ;].*");

    private RoleScript() {
    }

    /** @return how many roles it created */
    static int apply(PgConnector connector, DatabaseSpec database, Path file) throws IOException, SQLException {
        Set<String> existing = new HashSet<>();
        int created = 0;
        try (Connection connection = connector.open(database, Duration.ofMinutes(1));
             Statement statement = connection.createStatement()) {
            for (String sql : statements(Files.readString(file, StandardCharsets.UTF_8))) {
                Matcher role = ROLE_STATEMENT.matcher(sql);
                boolean isRole = role.matches();
                boolean create = isRole && role.group(1).equalsIgnoreCase("CREATE");
                if (isRole && (existing.contains(role.group(2)) || create && exists(connection, role.group(2)))) {
                    existing.add(role.group(2));
                    continue;
                }
                statement.execute(sql);
                created += create ? 1 : 0;
            }
        }
        return created;
    }

    private static boolean exists(Connection connection, String quotedOrPlain) throws SQLException {
        String name = quotedOrPlain.startsWith("\"") ? quotedOrPlain.substring(1, quotedOrPlain.length() - 1)
                .replace("\"\"", "\"") : quotedOrPlain;
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** The file's statements: lines up to one that ends with ';', comments and blank lines dropped. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (current.length() == 0 && (line.isBlank() || line.startsWith("--") || line.startsWith("\\"))) {
                continue;
            }
            current.append(current.length() == 0 ? "" : "\n").append(line);
            if (line.stripTrailing().endsWith(";")) {
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        return statements;
    }
}
