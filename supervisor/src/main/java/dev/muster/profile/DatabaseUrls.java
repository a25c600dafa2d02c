package dev.muster.profile;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the database URLs platforms hand out in {@code DATABASE_URL}:
 * {@code postgresql://user:pass@host:port/db?sslmode=require}, the older {@code postgres://}
 * scheme, and {@code jdbc:postgresql://host:port/db?user=..&password=..}. User, password and
 * database may be percent-encoded; a bracketed IPv6 host is accepted. Port defaults to 5432, user
 * to postgres, the database to the user's name. As in libpq, the query parameters {@code user},
 * {@code password}, {@code port} and {@code host} (a unix-socket directory) override what the URL
 * says before the path; others but {@code sslmode} (such as Prisma's {@code connection_limit}) are
 * ignored.
 */
public final class DatabaseUrls {
    private static final Pattern URL = Pattern.compile(
            "(?<scheme>[A-Za-z][A-Za-z0-9+.:-]*)://(?:(?<userinfo>[^@/?#]*)@)?"
            + "(?<host>\\[[0-9A-Fa-f:.]+\\]|[^:/?#\\[\\]@]*)(?::(?<port>[^/?#]*))?"
            + "(?:/(?<db>[^?#]*))?(?:\\?(?<query>[^#]*))?(?:#.*)?");
    private static final String FORM = "write it like postgresql://user:password@host:5432/dbname?sslmode=require";

    private DatabaseUrls() {
    }

    /**
     * @throws IllegalArgumentException with a message that says what is wrong and how the URL should look;
     *         it never contains the password
     */
    public static DatabaseSpec parse(String url) {
        String text = url.strip();
        Matcher m = URL.matcher(text.contains("@") ? lastAt(text) : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("is not a database URL; " + FORM);
        }
        String scheme = m.group("scheme").toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgresql") && !scheme.equals("postgres") && !scheme.equals("jdbc:postgresql")) {
            throw new IllegalArgumentException("has scheme " + scheme + "://, but muster speaks only to PostgreSQL; " + FORM);
        }
        String host = m.group("host").replaceAll("^\\[|\\]$", "");
        int port = port(m.group("port"));
        String user = null;
        String password = null;
        if (m.group("userinfo") != null) {
            String[] parts = m.group("userinfo").split(":", 2);
            user = decode(parts[0], "user");
            password = parts.length == 2 ? decode(parts[1], "password") : null;
        }
        String db = m.group("db") == null || m.group("db").isEmpty() ? null : decode(m.group("db"), "database name");
        if (db != null && db.contains("/")) {
            throw new IllegalArgumentException("has a path with more than one part after the host; " + FORM);
        }
        String sslmode = null;
        if (m.group("query") != null) {
            for (String pair : m.group("query").split("&")) {
                String[] kv = pair.split("=", 2);
                String value = kv.length == 2 ? decode(kv[1], kv[0]) : "";
                switch (kv[0]) {
                    case "sslmode" -> sslmode = sslmode(value);
                    case "user" -> user = value;
                    case "password" -> password = value;
                    case "host" -> host = socketDirectory(value);
                    case "port" -> port = port(value);
                    default -> { }
                }
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("has no host; name one, or a unix-socket directory with ?host=/run/postgresql; "
                    + FORM);
        }
        user = user == null || user.isEmpty() ? DatabaseSpec.DEFAULT_USER : user;
        return new DatabaseSpec(host, port, user, password, db == null ? user : db, sslmode);
    }

    /** libpq's {@code ?host=/dir}: a unix-socket directory; any other host belongs before the path. */
    private static String socketDirectory(String value) {
        if (!value.startsWith("/")) {
            throw new IllegalArgumentException("names host=" + value + " as a parameter; put a host name after"
                    + " postgresql://, and use ?host= only for a unix-socket directory such as /run/postgresql; " + FORM);
        }
        return value;
    }

    /** Only the last '@' ends the user information: passwords from generators may contain '@' unencoded. */
    private static String lastAt(String text) {
        int scheme = text.indexOf("://");
        int query = text.indexOf('?', scheme + 3);
        int at = text.lastIndexOf('@', query < 0 ? text.length() : query);
        if (scheme < 0 || at < scheme) {
            return text;
        }
        String userinfo = text.substring(scheme + 3, at).replace("@", "%40").replace("/", "%2F").replace("?", "%3F")
                .replace("#", "%23");
        return text.substring(0, scheme + 3) + userinfo + text.substring(at);
    }

    private static int port(String text) {
        if (text == null || text.isEmpty()) {
            return DatabaseSpec.DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("has port \"" + text + "\", which is not a number from 1 to 65535; " + FORM);
    }

    static String sslmode(String value) {
        if (!DatabaseSpec.SSL_MODES.contains(value)) {
            throw new IllegalArgumentException("has sslmode=" + value + "; write one of disable, allow, prefer, require,"
                    + " verify-ca, verify-full");
        }
        return value;
    }

    private static String decode(String text, String what) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has a badly percent-encoded " + what
                    + "; encode special characters as %XX (for example @ as %40); " + FORM);
        }
    }
}
