package dev.muster.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 15 cluster for ITs, started by the test itself (not by muster): initdb into a
 * temporary directory as user postgres (through setpriv), TCP only on a free port of 127.0.0.1,
 * password authentication over TCP ({@link #PASSWORD}). Its log goes to {@code postgres.log} next
 * to the data directory. {@link #close()} stops it with SIGINT (fast shutdown).
 */
final class PostgresCluster implements AutoCloseable {
    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    static final String PASSWORD = "it-s3cret-pw";

    private final Path data;
    private final int port;
    private Process postmaster;

    private PostgresCluster(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** Whether this machine can run the cluster: PostgreSQL 15 installed and the tests run as root. */
    static boolean available() {
        return Files.isExecutable(BIN.resolve("postgres")) && "root".equals(System.getProperty("user.name"));
    }

    /** initdb in {@code dir}/pg and start it. */
    static PostgresCluster start(Path dir) {
        Path data = dir.resolve("pg");
        try {
            openForPostgres(dir);
            Files.createDirectories(data);
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            chownToPostgres(data);
            chownToPostgres(Files.createDirectories(dir.resolve("sock")));
            Path pwfile = Files.writeString(dir.resolve("pwfile"), PASSWORD + "\n");
            chownToPostgres(pwfile);
            run(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth-local=trust",
                    "--auth-host=scram-sha-256", "--pwfile=" + pwfile, "--no-locale", "-E", "UTF8", "--no-instructions"),
                    dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostgresCluster cluster = new PostgresCluster(data, Fixtures.freePort());
        cluster.startPostmaster();
        return cluster;
    }

    /** Lets user postgres enter {@code dir} (JUnit makes temporary directories 0700). */
    static void openForPostgres(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static void chownToPostgres(Path path) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(path, users.lookupPrincipalByName("postgres"));
    }

    private void startPostmaster() {
        try {
            postmaster = new ProcessBuilder(asPostgres(List.of(BIN.resolve("postgres").toString(), "-D", data.toString(),
                    "-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + socketDirectory())))
                    .directory(data.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(data.getParent().resolve("postgres.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("PostgreSQL on port " + port + " accepts connections").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> {
                    try (Connection c = connect("postgres")) {
                        return c.isValid(1);
                    }
                });
    }

    /** The directory of the server's unix socket ({@code .s.PGSQL.PORT}), beside the data directory. */
    Path socketDirectory() {
        return data.getParent().resolve("sock");
    }

    int port() {
        return port;
    }

    Path data() {
        return data;
    }

    Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", PASSWORD);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
    }

    /** Creates a database and returns its name. */
    String createDatabase(String name) {
        sql("postgres", "CREATE DATABASE " + name);
        return name;
    }

    /** Runs statements in {@code database}. */
    void sql(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of {@code query}, as a long. */
    long number(String database, String query) {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    /** The tables of {@code schema}, sorted. */
    List<String> tables(String database, String schema) {
        List<String> tables = new ArrayList<>();
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '" + schema
                     + "' ORDER BY 1")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    @Override
    public void close() {
        if (postmaster != null && postmaster.isAlive()) {
            run(List.of("kill", "-INT", String.valueOf(postmaster.pid())), data.getParent());
            try {
                if (!postmaster.waitFor(30, TimeUnit.SECONDS)) {
                    postmaster.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code Database cluster state: ...} as pg_controldata reports it for {@code data}. */
    static String clusterState(Path data) {
        String out = run(List.of(BIN.resolve("pg_controldata").toString(), data.toString()), data.getParent());
        return out.lines().filter(l -> l.startsWith("Database cluster state:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("(no state line) " + out);
    }

    static List<String> asPostgres(List<String> command) {
        List<String> argv = new ArrayList<>(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
        argv.addAll(command);
        return argv;
    }

    private static String run(List<String> command, Path cwd) {
        List<String> argv = command.get(0).startsWith(BIN.toString()) && !command.get(0).endsWith("pg_controldata")
                ? asPostgres(command) : command;
        try {
            Process process = new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
