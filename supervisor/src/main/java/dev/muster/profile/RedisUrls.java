package dev.muster.profile;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads a Redis URL as redis-py, node-redis and Celery write it:
 * {@code redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]} (port 6379, database 0; user and password
 * percent-decoded). {@code rediss://} (TLS) is refused, as the probe speaks plain RESP. Error messages
 * never contain the password.
 */
final class RedisUrls {
    private RedisUrls() {
    }

    /** The probe for {@code url}; IllegalArgumentException with the reason and the fix otherwise. */
    static ProbeSpec.Redis parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(redacted(url) + " is not a URL; write it like redis://:PASSWORD@127.0.0.1:6379/0");
        }
        if ("rediss".equals(uri.getScheme())) {
            throw new IllegalArgumentException(redacted(url) + " uses TLS (rediss://), which the redis probe does not"
                    + " speak; probe the port with tcp: { host, port } instead");
        }
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(redacted(url) + " is not a redis:// URL with a host; write it like"
                    + " redis://:PASSWORD@127.0.0.1:6379/0");
        }
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            String rawUser = colon < 0 ? "" : info.substring(0, colon);
            String rawPassword = colon < 0 ? info : info.substring(colon + 1);
            user = rawUser.isEmpty() ? null : decode(rawUser);
            password = rawPassword.isEmpty() ? null : decode(rawPassword);
        }
        return new ProbeSpec.Redis(uri.getHost(), port, user, password, database(uri.getPath(), url));
    }

    private static int database(String path, String url) {
        String db = path == null ? "" : path.replaceFirst("^/", "");
        if (db.isEmpty()) {
            return 0;
        }
        try {
            int number = Integer.parseInt(db);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(redacted(url) + " names database \"" + db + "\"; a Redis database is a"
                + " number such as /0");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** {@code url} with anything between :// and @ replaced, for messages. */
    static String redacted(String url) {
        return url.replaceAll("(://)[^@/]*@", "$1******@");
    }
}
