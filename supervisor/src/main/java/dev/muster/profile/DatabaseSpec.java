package dev.muster.profile;

import java.util.Objects;

/**
 * How to reach a PostgreSQL database, from {@code database: {host, port, user, password, name}}
 * or a {@code url: postgresql://user:pass@host:port/db?sslmode=...}.
 *
 * @param host     host name, IP, or a unix-socket directory (starts with /); default 127.0.0.1
 * @param port     default 5432
 * @param user     default postgres
 * @param password null for none
 * @param name     the database; default the user's name
 * @param sslmode  disable, prefer (default), require, verify-ca, verify-full
 */
public record DatabaseSpec(String host, int port, String user, String password, String name, String sslmode) {
    public DatabaseSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(name, "name");
        sslmode = sslmode == null ? "prefer" : sslmode;
    }

    /** "postgres@127.0.0.1:5432/app", never with the password. */
    public String describe() {
        return user + "@" + host + ":" + port + "/" + name;
    }
}
