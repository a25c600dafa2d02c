package dev.muster.profile;

import java.util.Objects;
import java.util.Set;

/**
 * How to reach a PostgreSQL database over TCP, from {@code database: {host, port, user, password, name}}
 * or a {@code url: postgresql://user:pass@host:port/db?sslmode=...}.
 *
 * @param host     host name or IP; default 127.0.0.1 (unix-socket directories are rejected when binding)
 * @param port     default 5432
 * @param user     default postgres
 * @param password null for none
 * @param name     the database; default the user's name
 * @param sslmode  disable, allow, prefer (default), require, verify-ca, verify-full
 */
public record DatabaseSpec(String host, int port, String user, String password, String name, String sslmode) {
    /** The sslmode values libpq and pgjdbc accept. */
    public static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    public static final int DEFAULT_PORT = 5432;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_USER = "postgres";

    public DatabaseSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(name, "name");
        sslmode = sslmode == null ? "prefer" : sslmode;
        if (!SSL_MODES.contains(sslmode)) {
            throw new IllegalArgumentException("sslmode " + sslmode + " is not one of " + SSL_MODES);
        }
    }

    /** "postgres@127.0.0.1:5432/app", never with the password. */
    public String describe() {
        return user + "@" + address() + "/" + name;
    }

    /** "127.0.0.1:5432", for connection errors. */
    public String address() {
        if (isSocket()) {
            return socketFile();
        }
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Whether {@code host} is a unix-socket directory rather than a host name. */
    public boolean isSocket() {
        return host.startsWith("/");
    }

    /** PostgreSQL's socket file in that directory: {@code DIR/.s.PGSQL.PORT}. */
    public String socketFile() {
        return host + "/.s.PGSQL." + port;
    }
}
