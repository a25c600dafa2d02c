package dev.muster.profile;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** The configuration of one probe, as written under {@code ready:}. Exactly one kind per probe. */
public sealed interface ProbeSpec {

    /** A short description for reports, such as {@code tcp 127.0.0.1:5432}. */
    String describe();

    /** Where the probed service is reached, for the summary's ADDRESS column: "127.0.0.1:5432"; "-" when it has none. */
    default String address() {
        return "-";
    }

    /** The secrets the probe carries (a password), to be redacted wherever muster writes; empty for none. */
    default List<String> secrets() {
        return List.of();
    }

    /** The pause between readiness attempts when {@code ready.interval} is not set. */
    default java.time.Duration defaultInterval() {
        return ReadySpec.DEFAULT_INTERVAL;
    }

    /** For an {@code exec} probe, the argument list to resolve and run; empty for the other kinds. */
    default List<String> execArgv() {
        return List.of();
    }

    /**
     * The same check aimed at another host, for a service that runs elsewhere (an external
     * dependency of {@code up --only}); empty for kinds that can only be evaluated next to the
     * service itself ({@code exec}, {@code log}).
     */
    Optional<ProbeSpec> withHost(String host);

    /** The TCP port the check connects to; empty for {@code exec} and {@code log}. */
    OptionalInt networkPort();

    /**
     * Ready when a TCP connection is accepted.
     *
     * @param host default 127.0.0.1
     * @param port 1 to 65535
     */
    record Tcp(String host, int port) implements ProbeSpec {
        public Tcp {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public String describe() {
            return "tcp " + host + ":" + port;
        }

        @Override
        public Optional<ProbeSpec> withHost(String other) {
            return Optional.of(new Tcp(other, port));
        }

        @Override
        public OptionalInt networkPort() {
            return OptionalInt.of(port);
        }

        @Override
        public String address() {
            return host + ":" + port;
        }
    }

    /**
     * Ready when a GET answers the expected status and, if given, a body matching the pattern.
     *
     * @param url    the URL to GET
     * @param status the status expected; 0 accepts any 2xx
     * @param body   a regex searched in the body; null does not look at the body
     */
    record Http(URI url, int status, Pattern body) implements ProbeSpec {
        public Http {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String describe() {
            return "http " + url;
        }

        @Override
        public Optional<ProbeSpec> withHost(String other) {
            try {
                URI moved = new URI(url.getScheme(), url.getRawUserInfo(), other, url.getPort(), url.getRawPath(),
                        url.getRawQuery(), url.getRawFragment());
                return Optional.of(new Http(URI.create(moved.toString()), status, body));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("host " + other + " does not fit in " + url, e);
            }
        }

        @Override
        public OptionalInt networkPort() {
            int port = url.getPort();
            if (port > 0) {
                return OptionalInt.of(port);
            }
            return OptionalInt.of("https".equalsIgnoreCase(url.getScheme()) ? 443 : 80);
        }

        @Override
        public String address() {
            return url.getScheme() + "://" + url.getAuthority();
        }
    }

    /**
     * Ready when a command exits 0.
     *
     * @param command the argument list, or one shell line when {@code shell}
     * @param shell   run through {@code sh -c}
     */
    record Exec(List<String> command, boolean shell) implements ProbeSpec {
        public Exec {
            command = List.copyOf(command);
        }

        public List<String> argv() {
            return shell ? List.of("/bin/sh", "-c", String.join(" ", command)) : command;
        }

        @Override
        public String describe() {
            return "exec " + String.join(" ", command);
        }

        @Override
        public Optional<ProbeSpec> withHost(String other) {
            return Optional.empty();
        }

        @Override
        public OptionalInt networkPort() {
            return OptionalInt.empty();
        }

        @Override
        public java.time.Duration defaultInterval() {
            return java.time.Duration.ofMillis(200);
        }

        @Override
        public List<String> execArgv() {
            return argv();
        }
    }

    /**
     * Ready when the service's output (stdout or stderr) has matched the pattern {@code times} times.
     *
     * @param pattern a regex searched in each line
     * @param times   which match counts (default 1)
     */
    record Log(Pattern pattern, int times) implements ProbeSpec {
        public Log {
            Objects.requireNonNull(pattern, "pattern");
            if (times < 1) {
                throw new IllegalArgumentException("times must be at least 1");
            }
        }

        @Override
        public String describe() {
            return "log /" + pattern.pattern() + "/" + (times > 1 ? " x" + times : "");
        }

        @Override
        public Optional<ProbeSpec> withHost(String other) {
            return Optional.empty();
        }

        @Override
        public OptionalInt networkPort() {
            return OptionalInt.empty();
        }
    }

    /**
     * Ready when {@code SELECT 1} succeeds against the database, or with {@code accepting} when the
     * server accepts connections at all (what {@code pg_isready} answers): then any answer to a
     * startup packet but "starting up"/"shutting down" counts, so the role and database need not exist.
     *
     * @param database  where (with {@code accepting} only its address is used)
     * @param accepting {@code mode: accepting} instead of the default {@code mode: query}
     */
    record Postgres(DatabaseSpec database, boolean accepting) implements ProbeSpec {
        public Postgres {
            Objects.requireNonNull(database, "database");
        }

        /** A {@code SELECT 1} probe. */
        public Postgres(DatabaseSpec database) {
            this(database, false);
        }

        @Override
        public String describe() {
            return accepting ? "postgres accepting connections on " + database.address() : "postgres " + database.describe();
        }

        @Override
        public Optional<ProbeSpec> withHost(String other) {
            DatabaseSpec d = database;
            return Optional.of(new Postgres(new DatabaseSpec(other, d.port(), d.user(), d.password(), d.name(), d.sslmode())));
        }

        @Override
        public OptionalInt networkPort() {
            return OptionalInt.of(database.port());
        }

        @Override
        public String address() {
            return database.host() + ":" + database.port();
        }

        @Override
        public java.time.Duration defaultInterval() {
            return java.time.Duration.ofMillis(100);
        }

        @Override
        public List<String> secrets() {
            return database.password() == null || database.password().isEmpty() ? List.of() : List.of(database.password());
        }
    }

    /**
     * Ready when {@code PING} is answered {@code PONG}.
     *
     * @param host     default 127.0.0.1
     * @param port     default 6379
     * @param user     ACL user, or null
     * @param password null for none
     * @param database  the logical database selected before PING (default 0), as in {@code redis://host:port/DB}
     */
    record Redis(String host, int port, String user, String password, int database) implements ProbeSpec {
        public Redis {
            Objects.requireNonNull(host, "host");
            if (database < 0) {
                throw new IllegalArgumentException("database must not be negative");
            }
        }

        /** A probe of database 0. */
        public Redis(String host, int port, String user, String password) {
            this(host, port, user, password, 0);
        }

        @Override
        public String describe() {
            return "redis " + host + ":" + port + (database == 0 ? "" : "/" + database);
        }

        @Override
        public Optional<ProbeSpec> withHost(String other) {
            return Optional.of(new Redis(other, port, user, password));
        }

        @Override
        public OptionalInt networkPort() {
            return OptionalInt.of(port);
        }

        @Override
        public String address() {
            return host + ":" + port;
        }

        @Override
        public List<String> secrets() {
            return password == null || password.isEmpty() ? List.of() : List.of(password);
        }
    }
}
