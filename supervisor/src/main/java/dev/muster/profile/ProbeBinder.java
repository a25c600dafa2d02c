package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Binds one probe under {@code ready:}, in its long form or its shorthand:
 * {@code tcp: 5432} or {@code { port, host }} (host 127.0.0.1);
 * {@code http: URL} or {@code { url, status, body }} (status 0 = any 2xx, body a regex);
 * {@code exec: [prog, arg]} or {@code { command, shell }};
 * {@code log: REGEX} or {@code { pattern, times }} (times 1);
 * {@code postgres: PORT} or {@code { host, port, user, password, database, sslmode, mode }} or {@code { url, mode }}
 * (mode {@code query}, the default: SELECT 1 as that user; {@code accepting}: the server accepts connections);
 * {@code redis: PORT} or {@code { host, port, user, password, database }} (127.0.0.1:6379, no AUTH, database 0)
 * or {@code { url: redis://:PASSWORD@HOST:PORT/DB }}.
 */
final class ProbeBinder {
    /** The probe kinds, in the order they are looked for. */
    static final List<String> KINDS = List.of("tcp", "http", "exec", "log", "postgres", "redis");

    private final ProblemCollector problems;
    private final Scalars scalars;

    ProbeBinder(ProblemCollector problems) {
        this.problems = problems;
        this.scalars = new Scalars(problems);
    }

    /**
     * The one probe under {@code owner} ({@code ready:} or {@code live:}): reports more than one,
     * and none when {@code required}.
     */
    Optional<ProbeSpec> oneOf(Section owner, boolean required) {
        List<String> present = KINDS.stream().filter(key -> owner.value(key).isPresent()).toList();
        if (present.size() > 1) {
            problems.add(owner.path(), "has " + String.join(" and ", present) + " probes; keep exactly one of them");
        }
        if (present.isEmpty()) {
            if (required) {
                problems.add(owner.path(), "has no probe; add one of " + String.join(", ", KINDS) + ", as under ready:");
            }
            return Optional.empty();
        }
        String key = present.get(0);
        JsonNode value = owner.value(key).orElseThrow();
        String path = owner.pathOf(key);
        Optional<? extends ProbeSpec> probe = switch (key) {
            case "tcp" -> tcp(value, path);
            case "http" -> http(value, path);
            case "exec" -> exec(value, path);
            case "postgres" -> postgres(value, path);
            case "redis" -> redis(value, path);
            default -> log(value, path);
        };
        return probe.map(ProbeSpec.class::cast);
    }

    Optional<ProbeSpec.Tcp> tcp(JsonNode value, String path) {
        if (value.isValueNode()) {
            return scalars.integer(value, path, 1, 65535).map(port -> new ProbeSpec.Tcp("127.0.0.1", port));
        }
        return Section.sectionOf(value, path, problems).flatMap(tcp -> {
            String host = tcp.text("host").orElse("127.0.0.1");
            Optional<Integer> port = tcp.require("port", "5432") ? tcp.integer("port", 1, 65535) : Optional.empty();
            tcp.rejectUnknown();
            return port.map(p -> new ProbeSpec.Tcp(host, p));
        });
    }

    Optional<ProbeSpec.Http> http(JsonNode value, String path) {
        if (value.isValueNode()) {
            return scalars.text(value, path).flatMap(text -> url(text, path)).map(url -> new ProbeSpec.Http(url, 0, null));
        }
        return Section.sectionOf(value, path, problems).flatMap(http -> {
            Optional<URI> url = http.required("url", "http://127.0.0.1:8000/health")
                    .flatMap(text -> url(text, http.pathOf("url")));
            int status = http.integer("status", 100, 599).orElse(0);
            Pattern body = http.text("body").flatMap(text -> regex(text, http.pathOf("body"))).orElse(null);
            http.rejectUnknown();
            return url.map(u -> new ProbeSpec.Http(u, status, body));
        });
    }

    Optional<ProbeSpec.Exec> exec(JsonNode value, String path) {
        CommandBinder commands = new CommandBinder(scalars);
        if (!value.isObject()) {
            return commands.bind(value, path, false).map(command -> new ProbeSpec.Exec(command, false));
        }
        return Section.sectionOf(value, path, problems).flatMap(exec -> {
            boolean shell = exec.bool("shell", false);
            var command = commands.bind(exec, "command", shell);
            exec.rejectUnknown();
            return command.isEmpty() ? Optional.empty() : Optional.of(new ProbeSpec.Exec(command, shell));
        });
    }

    Optional<ProbeSpec.Log> log(JsonNode value, String path) {
        if (value.isValueNode()) {
            return scalars.text(value, path).flatMap(text -> regex(text, path)).map(p -> new ProbeSpec.Log(p, 1));
        }
        return Section.sectionOf(value, path, problems).flatMap(log -> {
            Optional<Pattern> pattern = log.required("pattern", "\"ready to accept connections\"")
                    .flatMap(text -> regex(text, log.pathOf("pattern")));
            int times = log.integer("times", 1, 1_000_000).orElse(1);
            log.rejectUnknown();
            return pattern.map(p -> new ProbeSpec.Log(p, times));
        });
    }

    Optional<ProbeSpec.Postgres> postgres(JsonNode value, String path) {
        if (value.isValueNode()) {
            return scalars.integer(value, path, 1, 65535).map(port -> new ProbeSpec.Postgres(new DatabaseSpec(
                    DatabaseSpec.DEFAULT_HOST, port, DatabaseSpec.DEFAULT_USER, null, DatabaseSpec.DEFAULT_USER, null)));
        }
        return Section.sectionOf(value, path, problems).flatMap(postgres -> {
            boolean accepting = postgresMode(postgres);
            Optional<DatabaseSpec> database = new DatabaseBinder(problems).fields(postgres, "database");
            postgres.rejectUnknown();
            return database.map(db -> new ProbeSpec.Postgres(db, accepting));
        });
    }

    Optional<ProbeSpec.Redis> redis(JsonNode value, String path) {
        if (value.isValueNode()) {
            return scalars.integer(value, path, 1, 65535).map(port -> new ProbeSpec.Redis("127.0.0.1", port, null, null));
        }
        return Section.sectionOf(value, path, problems).flatMap(redis -> {
            if (redis.value("url").isPresent()) {
                return redisUrl(redis);
            }
            String host = redis.text("host").orElse("127.0.0.1");
            int port = redis.integer("port", 1, 65535).orElse(6379);
            String user = redis.text("user").orElse(null);
            String password = redis.text("password").orElse(null);
            if (user != null && password == null) {
                redis.problem("user", "is given without a password; add password: ${REDIS_PASSWORD}");
            }
            int database = redis.integer("database", 0, 1_000_000).orElse(0);
            redis.rejectUnknown();
            return Optional.of(new ProbeSpec.Redis(host, port, user, password, database));
        });
    }

    private Optional<ProbeSpec.Redis> redisUrl(Section redis) {
        for (String key : List.of("host", "port", "user", "password", "database")) {
            if (redis.value(key).isPresent()) {
                redis.problem(key, "is given together with url; keep one: either url, or host, port, password, ...");
            }
        }
        Optional<String> url = redis.text("url");
        redis.rejectUnknown();
        try {
            return url.map(RedisUrls::parse);
        } catch (IllegalArgumentException e) {
            redis.problem("url", "the redis URL " + e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code mode: query} (default) or {@code accepting}. */
    private boolean postgresMode(Section postgres) {
        Optional<String> mode = postgres.text("mode");
        if (mode.isPresent() && !mode.get().equals("query") && !mode.get().equals("accepting")) {
            postgres.problem("mode", "\"" + mode.get() + "\" is not a postgres probe mode; write mode: query (SELECT 1"
                    + " as the user, the default) or mode: accepting (the server accepts connections, as pg_isready)");
        }
        return mode.filter("accepting"::equals).isPresent();
    }

    private Optional<URI> url(String text, String path) {
        try {
            URI url = new URI(text.strip());
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return Optional.of(url);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(path, "\"" + text + "\" is not an http or https URL; write it like http://127.0.0.1:8000/health");
        return Optional.empty();
    }

    private Optional<Pattern> regex(String text, String path) {
        try {
            return Optional.of(Pattern.compile(text));
        } catch (PatternSyntaxException e) {
            problems.add(path, "\"" + text + "\" is not a valid regular expression (" + e.getDescription()
                    + " at index " + e.getIndex() + "); fix it, or escape special characters such as ( [ . with \\");
            return Optional.empty();
        }
    }
}
