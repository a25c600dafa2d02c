package dev.muster.profile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds a {@code kind: database} step: {@code server: {host, port, user, password}} (the superuser
 * muster connects as; host 127.0.0.1 or a socket directory such as /var/run/postgresql; user postgres),
 * {@code role: {name, password}} and {@code database: {name, owner, extensions}} (owner: the role,
 * else the server's user). At least one of role and database. Names may be any text of 1 to 63
 * bytes without NUL; the step quotes them.
 */
final class DatabaseSetupBinder {
    private static final int MAX_NAME_BYTES = 63;

    private final ProblemCollector problems;

    DatabaseSetupBinder(ProblemCollector problems) {
        this.problems = problems;
    }

    /** The step's settings, or null when a problem was reported. */
    DatabaseSetupSpec bind(Section step) {
        int before = problems.problems().size();
        Optional<DatabaseSpec> server = step.section("server").flatMap(this::server);
        if (step.value("server").isEmpty()) {
            problems.add(step.path(), step.pathOf("server"), "missing; add server: { port: 5432, user: postgres }"
                    + " (the superuser muster connects as; host: /var/run/postgresql for the socket directory)");
        }
        DatabaseSetupSpec.Role role = step.section("role").map(this::role).orElse(null);
        Optional<Section> database = step.section("database");
        String name = database.flatMap(d -> name(d, "name", "app")).orElse(null);
        String owner = database.flatMap(d -> d.value("owner").isPresent() ? name(d, "owner", "app") : Optional.empty())
                .orElse(null);
        List<String> extensions = database.map(this::extensions).orElse(List.of());
        database.ifPresent(Section::rejectUnknown);
        if (step.value("role").isEmpty() && database.isEmpty()) {
            problems.add(step.path(), step.pathOf("role"), "missing; a kind: database step needs role: { name: app,"
                    + " password: \"${DB_PASSWORD}\" } or database: { name: app, owner: app }, or both");
        }
        if (server.isEmpty() || (role == null && name == null) || problems.problems().size() > before) {
            return null;
        }
        String effectiveOwner = owner != null ? owner : role != null ? role.name() : server.get().user();
        return new DatabaseSetupSpec(server.get(), role, name, name == null ? null : effectiveOwner, extensions);
    }

    private Optional<DatabaseSpec> server(Section server) {
        boolean named = server.value("database").isPresent() || server.value("url").isPresent();
        Optional<DatabaseSpec> spec = new DatabaseBinder(problems).fields(server, "database");
        server.rejectUnknown();
        return named ? spec : spec.map(s -> new DatabaseSpec(s.host(), s.port(), s.user(), s.password(), "postgres",
                s.sslmode()));
    }

    private DatabaseSetupSpec.Role role(Section role) {
        Optional<String> name = name(role, "name", "app");
        String password = role.text("password").orElse(null);
        role.rejectUnknown();
        return name.map(n -> new DatabaseSetupSpec.Role(n, password)).orElse(null);
    }

    private List<String> extensions(Section database) {
        List<String> extensions = new ArrayList<>();
        List<String> texts = database.texts("extensions");
        for (int i = 0; i < texts.size(); i++) {
            String path = LocationIndex.element(database.pathOf("extensions"), i);
            if (valid(texts.get(i), path) && !extensions.contains(texts.get(i))) {
                extensions.add(texts.get(i));
            }
        }
        return extensions;
    }

    /** A required name under {@code key}, checked for length and NUL. */
    private Optional<String> name(Section section, String key, String example) {
        return section.required(key, example).filter(name -> valid(name, section.pathOf(key)));
    }

    private boolean valid(String name, String path) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_NAME_BYTES || name.indexOf('\0') >= 0) {
            problems.add(path, "\"" + name.replace("\0", "\\0") + "\" is not a PostgreSQL name; use 1 to "
                    + MAX_NAME_BYTES + " bytes without NUL, such as app");
            return false;
        }
        return true;
    }
}
