package dev.muster.database;

import dev.muster.profile.DatabaseSpec;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Why a connection to PostgreSQL failed, in words for a person at 3 a.m.: host unknown or
 * unreachable, port closed, still starting, authentication failed for user X, database does not
 * exist, SSL required or unsupported. {@code fatal} failures will not pass by waiting.
 *
 * @param fatal   true when retrying cannot help (wrong password, unknown database, SSL mismatch)
 * @param message what happened and, for fatal ones, what to do; never contains the password
 */
public record ConnectionFailure(boolean fatal, String message) {

    /** Explains {@code e}, raised while connecting to {@code db}. */
    public static ConnectionFailure of(SQLException e, DatabaseSpec db) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String text = e.getMessage() == null ? "" : e.getMessage();
        String lower = text.toLowerCase(Locale.ROOT);
        Throwable cause = rootCause(e);
        String at = db.address();
        if (cause instanceof ConnectException) {
            return notYet("port closed: nothing accepts connections on " + at + " (connection refused)");
        }
        if (cause instanceof UnknownHostException) {
            return notYet("host " + db.host() + " is unknown (name resolution failed); check the host name");
        }
        if (cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
            return notYet("host unreachable: no answer from " + at + " (" + cause.getMessage() + ")");
        }
        return switch (state) {
            case "57P03", "57P01", "53300" -> notYet("PostgreSQL on " + at + " is not accepting connections yet: " + text);
            case "28P01" -> fatal("authentication failed for user " + db.user() + " on " + at
                    + ": the password is wrong; set the right password (password: or the URL's user:password@)");
            case "3D000" -> fatal("database " + db.name() + " does not exist on " + at
                    + "; create it (createdb " + db.name() + ", or the image's POSTGRES_DB) or fix the database name");
            case "28000" -> authorization(lower, text, db);
            default -> other(lower, text, state, db);
        };
    }

    private static ConnectionFailure authorization(String lower, String text, DatabaseSpec db) {
        if (lower.contains("no encryption")) {
            return fatal("the server requires SSL: " + text + "; set sslmode=require (sslmode: require, or"
                    + " ?sslmode=require in the URL)");
        }
        if (lower.contains("role") && lower.contains("does not exist")) {
            return fatal("authentication failed for user " + db.user() + ": the role does not exist on " + db.address()
                    + "; create it (createuser) or fix the user name");
        }
        return fatal("the server refused user " + db.user() + ": " + text + "; add a matching line to pg_hba.conf"
                + " or fix the user");
    }

    private static ConnectionFailure other(String lower, String text, String state, DatabaseSpec db) {
        if (lower.contains("does not support ssl")) {
            return fatal("the server on " + db.address() + " does not support SSL, but sslmode is " + db.sslmode()
                    + "; set sslmode=prefer or disable, or enable ssl on the server");
        }
        if (lower.contains("no password was provided")) {
            return fatal("authentication failed for user " + db.user() + ": the server asks for a password and none is"
                    + " set; add password: (or user:password@ in the URL)");
        }
        if (lower.contains("ssl") || lower.contains("certificate")) {
            return fatal("SSL to " + db.address() + " failed: " + text + "; check sslmode (" + db.sslmode()
                    + ") and the server's certificate");
        }
        if (state.startsWith("08")) {
            return notYet("cannot connect to " + db.address() + ": " + text);
        }
        return fatal("connecting to " + db.describe() + " failed: " + text + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")"));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static ConnectionFailure notYet(String message) {
        return new ConnectionFailure(false, message);
    }

    private static ConnectionFailure fatal(String message) {
        return new ConnectionFailure(true, message);
    }
}
