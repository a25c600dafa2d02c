package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseStepBindingTest {
    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir);
    }

    private ServiceSpec service(String body) {
        fixture.write("p.yaml", "version: 1\nservices:\n  db:\n    command: [postgres]\n  s:\n" + body);
        return fixture.profile("p.yaml").services().get("s");
    }

    private String problems(String body) {
        fixture.write("p.yaml", "version: 1\nservices:\n  db:\n    command: [postgres]\n  s:\n" + body);
        return fixture.problems("p.yaml");
    }

    @Test
    void bindsASchemaStepFromADatabaseMapping() {
        ServiceSpec spec = service("""
                    kind: schema
                    depends_on: [db]
                    database: { port: 5433, user: app, password: pw, name: shop }
                    schemas: [core, audit]
                    apply: /app/schema.sql
                """);

        assertThat(spec.kind()).isEqualTo(Kind.SCHEMA);
        assertThat(spec.command()).isEmpty();
        assertThat(spec.schema()).isEqualTo(new SchemaSpec(
                new DatabaseSpec("127.0.0.1", 5433, "app", "pw", "shop", null), List.of("core", "audit"),
                Path.of("/app/schema.sql")));
    }

    @Test
    void bindsAMigrationsStepFromAUrlWithPublicAsTheDefaultSchema() {
        fixture.env("DATABASE_URL", "postgres://app:pw@db.example:5432/shop?sslmode=require");
        ServiceSpec spec = service("""
                    kind: migrations
                    url: ${DATABASE_URL}
                    directory: db/migrations
                """);

        assertThat(spec.migrations()).isEqualTo(new MigrationsSpec(
                new DatabaseSpec("db.example", 5432, "app", "pw", "shop", "require"), List.of("public"),
                Path.of("db/migrations"), "1"));
    }

    @Test
    void dependingOnADatabaseStepMeansItCompleted() {
        fixture.write("p.yaml", """
                version: 1
                services:
                  schema: { kind: schema, url: "postgresql://localhost/app", apply: s.sql }
                  app: { command: [app], depends_on: [schema] }
                """);
        assertThat(fixture.profile("p.yaml").services().get("app").dependsOn()).containsEntry("schema", Condition.COMPLETED);
    }

    @Test
    void reportsWhatIsWrongWithADatabaseStep() {
        assertThat(problems("""
                    kind: schema
                    command: [psql]
                    url: "mysql://x/y"
                    schemas: [Core, muster]
                """))
                .contains("services.s.command: a kind: schema step is run by muster itself and has no command")
                .contains("services.s.url: the database URL has scheme mysql://")
                .contains("services.s.schemas[0]: \"Core\" is not a plain schema name")
                .contains("services.s.apply: missing; add apply:");
        assertThat(problems("""
                    kind: schema
                    apply: s.sql
                """)).contains("services.s.database: missing; add database:");
        assertThat(service("""
                    kind: schema
                    apply: s.sql
                    database: { host: /var/run/postgresql }
                """).schema().database().socketFile()).isEqualTo("/var/run/postgresql/.s.PGSQL.5432");
        assertThat(problems("""
                    command: [app]
                    apply: s.sql
                """)).contains("services.s.apply: unknown key");
    }

    @Test
    void bindsPostgresAndRedisProbes() {
        ReadySpec postgres = service("""
                    command: [app]
                    ready: { postgres: { port: 5433, user: app, password: pw, database: shop, sslmode: disable } }
                """).ready();
        assertThat(postgres.probe()).isEqualTo(new ProbeSpec.Postgres(
                new DatabaseSpec("127.0.0.1", 5433, "app", "pw", "shop", "disable")));
        assertThat(postgres.interval()).isEqualTo(Duration.ofMillis(100));
        assertThat(service("    command: [app]\n    ready: { postgres: 5432 }\n").ready().probe())
                .isEqualTo(new ProbeSpec.Postgres(new DatabaseSpec("127.0.0.1", 5432, "postgres", null, "postgres", null)));
        assertThat(service("    command: [app]\n    ready: { postgres: { url: \"postgresql://u:p@h/d\" } }\n").ready().probe())
                .isEqualTo(new ProbeSpec.Postgres(new DatabaseSpec("h", 5432, "u", "p", "d", null)));
        assertThat(service("    command: [app]\n    ready: { redis: { port: 6380, user: app, password: pw } }\n")
                .ready().probe()).isEqualTo(new ProbeSpec.Redis("127.0.0.1", 6380, "app", "pw"));
        assertThat(service("    command: [app]\n    ready: { redis: 6379 }\n").ready().probe())
                .isEqualTo(new ProbeSpec.Redis("127.0.0.1", 6379, null, null));
        assertThat(problems("    command: [app]\n    ready: { postgres: { url: \"postgresql://h/d\", port: 1 } }\n"))
                .contains("services.s.ready.postgres.port: is given together with url");
    }
}
