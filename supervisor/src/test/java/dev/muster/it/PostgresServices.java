package dev.muster.it;

import java.nio.file.Path;

/**
 * The two services every IT that boots PostgreSQL through muster has, as the YAML lines under
 * {@code services:} (indented two spaces, no final newline): {@code postgres-init}, a task that runs
 * initdb as user postgres (trust authentication) unless {@code PG_VERSION} exists, and
 * {@code postgres}, on TCP 127.0.0.1 only with no unix socket, ready when it accepts connections.
 * The binaries come from the profile's PATH ({@link PostgresCluster#BIN}).
 *
 * @param data      the data directory (the profile must make it, owned by postgres, mode 0700)
 * @param cwd       where both run: a directory postgres may enter ({@link PostgresCluster#openForPostgres})
 * @param port      postgres's TCP port
 * @param stop      postgres's {@code stop:} as YAML
 * @param arguments more of postgres's arguments as YAML list items ({@code ", -c, x=y"}), or ""
 */
record PostgresServices(Path data, Path cwd, int port, String stop, String arguments) {

    /** Stopped with SIGTERM (smart shutdown) within 30 s. */
    static PostgresServices of(Path data, Path cwd, int port) {
        return new PostgresServices(data, cwd, port, "{ timeout: 30s }", "");
    }

    PostgresServices stoppedBy(String stop) {
        return new PostgresServices(data, cwd, port, stop, arguments);
    }

    PostgresServices withArguments(String more) {
        return new PostgresServices(data, cwd, port, stop, more);
    }

    String yaml() {
        String dir = Fixtures.quote(data.toString());
        return """
                postgres-init:
                  kind: task
                  creates: %1$s
                  command: [initdb, -D, %2$s, -U, postgres, --auth=trust, --no-locale, -E, UTF8, --no-instructions]
                  user: postgres
                  cwd: %3$s
                postgres:
                  depends_on: [postgres-init]
                  command: [postgres, -D, %2$s, -p, "%4$d", -c, listen_addresses=127.0.0.1, -c, unix_socket_directories=%6$s]
                  user: postgres
                  cwd: %3$s
                  ready: { postgres: { port: %4$d }, timeout: 30s }
                  stop: %5$s""".formatted(Fixtures.quote(data.resolve("PG_VERSION").toString()), dir,
                Fixtures.quote(cwd.toString()), port, stop, arguments).indent(2).stripTrailing();
    }
}
