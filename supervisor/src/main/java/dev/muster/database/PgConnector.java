package dev.muster.database;

import dev.muster.profile.DatabaseSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Opens pgjdbc connections to a {@link DatabaseSpec} over TCP, or over a unix-domain socket (junixsocket,
 * pgjdbc's documented socket factory) when the host is a socket directory, bounded in time: connecting and every
 * read are limited to {@code timeout} (rounded up to whole seconds, pgjdbc's unit). Connections are
 * named {@code muster} in {@code pg_stat_activity}. The only pgjdbc user besides the schema steps.
 */
public final class PgConnector {
    private final Driver driver = new Driver();

    /**
     * @param timeout bounds connecting and each read; zero means no read timeout (long statements), 10 s to connect
     * @throws SQLException as pgjdbc reports it; {@link ConnectionFailure#of} explains it
     */
    public Connection open(DatabaseSpec database, Duration timeout) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", database.user());
        if (database.password() != null) {
            props.setProperty("password", database.password());
        }
        props.setProperty("sslmode", database.isSocket() ? "disable" : database.sslmode());
        if (database.isSocket()) {
            props.setProperty("socketFactory", "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg");
            props.setProperty("socketFactoryArg", database.socketFile());
        }
        props.setProperty("gssEncMode", "disable");
        props.setProperty("ApplicationName", "muster");
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        props.setProperty("connectTimeout", String.valueOf(timeout.isZero() ? 10 : seconds));
        props.setProperty("socketTimeout", String.valueOf(timeout.isZero() ? 0 : seconds));
        Connection connection = driver.connect(jdbcUrl(database), props);
        if (connection == null) {
            throw new SQLException("pgjdbc did not accept the URL " + jdbcUrl(database));
        }
        return connection;
    }

    /** {@code jdbc:postgresql://host:port/db}, without credentials. */
    public static String jdbcUrl(DatabaseSpec database) {
        String address = database.isSocket() ? "localhost:" + database.port() : database.address();
        return "jdbc:postgresql://" + address + "/"
                + URLEncoder.encode(database.name(), StandardCharsets.UTF_8);
    }
}
