package dev.muster.profile;

import java.util.List;
import java.util.Objects;

/**
 * What a {@code kind: database} step ensures on a PostgreSQL server, idempotently: a login role
 * with a password, a database owned by a role, and extensions in that database.
 *
 * @param server     how to reach the server as its superuser ({@code server: {host, port, user, password}};
 *                   the maintenance database {@code postgres}); host may be a socket directory
 * @param role       the role to create or update; null ensures no role
 * @param database   the database to create; null ensures no database (then {@code extensions} is empty)
 * @param owner      the database's owner; default the role, else the server's user
 * @param extensions extensions to create in {@code database}, in order
 */
public record DatabaseSetupSpec(DatabaseSpec server, Role role, String database, String owner, List<String> extensions) {

    public DatabaseSetupSpec {
        Objects.requireNonNull(server, "server");
        extensions = List.copyOf(extensions);
        if (role == null && database == null) {
            throw new IllegalArgumentException("a database step needs a role or a database");
        }
        if (database != null) {
            Objects.requireNonNull(owner, "owner");
        }
    }

    /**
     * A login role.
     *
     * @param name     the role's name, any text PostgreSQL accepts (quoted when used)
     * @param password its password, or null for a role without one; never printed
     */
    public record Role(String name, String password) {
        public Role {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The server connection for {@code database} instead of the maintenance database. */
    public DatabaseSpec serverFor(String database) {
        return new DatabaseSpec(server.host(), server.port(), server.user(), server.password(), database, server.sslmode());
    }
}
