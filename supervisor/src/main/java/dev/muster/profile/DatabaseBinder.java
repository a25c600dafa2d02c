package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Binds where a PostgreSQL database is: a mapping {@code { host, port, user, password, NAME, sslmode }}
 * (NAME is {@code database} in a probe, {@code name} under a step's {@code database:}), or a
 * {@code url} in the forms {@link DatabaseUrls} reads. A {@code host} starting with {@code /} is a unix-socket
 * directory (PostgreSQL's {@code -k}); muster connects to {@code DIR/.s.PGSQL.PORT}. Formerly a
 * problem that says how to switch to TCP.
 */
final class DatabaseBinder {
    private static final String URL_EXAMPLE = "postgresql://app:${DB_PASSWORD}@127.0.0.1:5432/app";

    private final ProblemCollector problems;

    DatabaseBinder(ProblemCollector problems) {
        this.problems = problems;
    }

    /** A {@code url} value at {@code path}. */
    Optional<DatabaseSpec> url(String url, String path) {
        try {
            return Optional.of(DatabaseUrls.parse(url));
        } catch (IllegalArgumentException e) {
            problems.add(path, "the database URL " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The fields of {@code section}, whose database name is under {@code nameKey}; or its {@code url}. */
    Optional<DatabaseSpec> fields(Section section, String nameKey) {
        Optional<String> url = section.text("url");
        if (url.isPresent()) {
            for (String key : new String[] {"host", "port", "user", "password", nameKey, "sslmode"}) {
                if (section.value(key).isPresent()) {
                    section.problem(key, "is given together with url; keep one: either url, or host, port, user, ...");
                }
            }
            return url.flatMap(u -> url(u, section.pathOf("url")));
        }
        String host = section.text("host").orElse(DatabaseSpec.DEFAULT_HOST);
        int port = section.integer("port", 1, 65535).orElse(DatabaseSpec.DEFAULT_PORT);
        String user = section.text("user").orElse(DatabaseSpec.DEFAULT_USER);
        String password = section.text("password").orElse(null);
        String name = section.text(nameKey).orElse(user);
        Optional<String> sslmode = section.text("sslmode").flatMap(mode -> sslmode(mode, section.pathOf("sslmode")));
        return Optional.of(new DatabaseSpec(host, port, user, password, name, sslmode.orElse(null)));
    }

    /** A step's database: its {@code database:} mapping or its {@code url:}, exactly one of them. */
    Optional<DatabaseSpec> step(Section step) {
        Optional<JsonNode> url = step.value("url");
        Optional<Section> database = step.section("database");
        if (url.isPresent() && database.isPresent()) {
            step.problem("url", "is given together with database:; keep one of them");
            return Optional.empty();
        }
        if (url.isPresent()) {
            return step.text("url").flatMap(u -> url(u, step.pathOf("url")));
        }
        if (database.isEmpty()) {
            problems.add(step.path(), step.pathOf("database"), "missing; add database: { host: 127.0.0.1, port: 5432,"
                    + " user: postgres, name: app } or url: " + URL_EXAMPLE);
            return Optional.empty();
        }
        Optional<DatabaseSpec> spec = fields(database.get(), "name");
        database.get().rejectUnknown();
        return spec;
    }

    private Optional<String> sslmode(String mode, String path) {
        try {
            return Optional.of(DatabaseUrls.sslmode(mode));
        } catch (IllegalArgumentException e) {
            problems.add(path, "\"" + mode + "\" is not an sslmode; write one of disable, allow, prefer, require,"
                    + " verify-ca, verify-full");
            return Optional.empty();
        }
    }
}
