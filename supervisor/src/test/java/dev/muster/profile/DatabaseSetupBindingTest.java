package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kind: database} and the probe modes it depends on. */
class DatabaseSetupBindingTest {
    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir);
    }

    @Test
    void bindsServerRoleDatabaseAndExtensions() {
        fixture.env("DB_PASSWORD", "s3cret-value");
        ServiceSpec step = fixture.services("""
                  postgres: { command: [postgres, -D, /d], ready: { postgres: { port: 5432, mode: accepting } } }
                  app-db:
                    kind: database
                    depends_on: [postgres]
                    server: { port: 5432, user: postgres, host: /var/run/postgresql }
                    role: { name: app, password: "${DB_PASSWORD}" }
                    database: { name: app, extensions: [pgcrypto, vector, pgcrypto] }
                """).get("app-db");

        DatabaseSetupSpec setup = step.setup();
        assertThat(step.kind()).isEqualTo(Kind.DATABASE);
        assertThat(step.isTask()).isTrue();
        assertThat(step.dependsOn()).containsEntry("postgres", Condition.READY);
        assertThat(setup.server()).isEqualTo(new DatabaseSpec("/var/run/postgresql", 5432, "postgres", null, "postgres", null));
        assertThat(setup.role()).isEqualTo(new DatabaseSetupSpec.Role("app", "s3cret-value"));
        assertThat(setup.database()).isEqualTo("app");
        assertThat(setup.owner()).isEqualTo("app");
        assertThat(setup.extensions()).containsExactly("pgcrypto", "vector");
    }

    @Test
    void aDatabaseWithoutARoleIsOwnedByTheServerUser() {
        DatabaseSetupSpec setup = fixture.services("""
                  db: { kind: database, server: { port: 5433, user: admin }, database: { name: "odd ; name" } }
                """).get("db").setup();

        assertThat(setup.role()).isNull();
        assertThat(setup.owner()).isEqualTo("admin");
        assertThat(setup.database()).isEqualTo("odd ; name");
        assertThat(setup.server().name()).isEqualTo("postgres");
    }

    @Test
    void missingPartsAndProcessKeysAreErrors() {
        String message = fixture.servicesProblems("""
                  a: { kind: database, command: [psql], ready: { tcp: 1 } }
                  b: { kind: database, server: { port: 5432 }, role: { password: x }, database: { name: "" } }
                """);

        assertThat(message)
                .contains("services.a.server: missing; add server: { port: 5432, user: postgres } (the superuser muster"
                        + " connects as; host: /var/run/postgresql for the socket directory)")
                .contains("services.a.role: missing; a kind: database step needs role: { name: app, password:"
                        + " \"${DB_PASSWORD}\" } or database: { name: app, owner: app }, or both")
                .contains("services.a.command: a kind: database step is run by muster itself and has no command; remove it")
                .contains("services.a.ready: a kind: database step is run by muster itself and has no ready; remove it")
                .contains("services.b.role.name: missing; add name: app")
                .contains("services.b.database.name: \"\" is not a PostgreSQL name; use 1 to 63 bytes without NUL");
    }

    @Test
    void postgresProbeModeIsQueryOrAccepting() {
        List<ServiceSpec> services = List.copyOf(fixture.services("""
                  a: { command: [a], ready: { postgres: { port: 5432 } } }
                  b: { command: [b], ready: { postgres: { port: 5433, mode: accepting } } }
                """).values());

        assertThat(((ProbeSpec.Postgres) services.get(0).ready().probe()).accepting()).isFalse();
        ProbeSpec.Postgres accepting = (ProbeSpec.Postgres) services.get(1).ready().probe();
        assertThat(accepting.accepting()).isTrue();
        assertThat(accepting.describe()).isEqualTo("postgres accepting connections on 127.0.0.1:5433");
        assertThat(fixture.servicesProblems("  a: { command: [a], ready: { postgres: { mode: ping } } }\n"))
                .contains("services.a.ready.postgres.mode: \"ping\" is not a postgres probe mode; write mode: query"
                        + " (SELECT 1 as the user, the default) or mode: accepting (the server accepts connections, as"
                        + " pg_isready)");
    }

    @Test
    void redisProbeTakesAUrlWithPasswordAndDatabase() {
        fixture.env("REDIS_URL", "redis://:p%40ss@cache:6380/3");
        ProbeSpec.Redis redis = (ProbeSpec.Redis) fixture.services(
                "  broker: { kind: external, ready: { redis: { url: \"${REDIS_URL}\" } } }\n").get("broker").ready().probe();

        assertThat(redis).isEqualTo(new ProbeSpec.Redis("cache", 6380, null, "p@ss", 3));
        assertThat(redis.describe()).isEqualTo("redis cache:6380/3");
    }

    @Test
    void badRedisUrlsAreExplainedWithoutThePassword() {
        String message = fixture.servicesProblems("""
                  a: { kind: external, ready: { redis: { url: "rediss://:topsecret@cache:6380" } } }
                  b: { kind: external, ready: { redis: { url: "redis://:topsecret@cache/x", port: 1 } } }
                """);

        assertThat(message)
                .contains("services.a.ready.redis.url: the redis URL rediss://******@cache:6380 uses TLS (rediss://),"
                        + " which the redis probe does not speak; probe the port with tcp: { host, port } instead")
                .contains("services.b.ready.redis.url: the redis URL redis://******@cache/x names database \"x\"; a Redis"
                        + " database is a number such as /0")
                .contains("services.b.ready.redis.port: is given together with url")
                .doesNotContain("topsecret");
    }
}
