package dev.muster.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.profile.Condition;
import dev.muster.profile.DatabaseSetupSpec;
import dev.muster.profile.DatabaseSpec;
import dev.muster.profile.Kind;
import dev.muster.profile.Profile;
import dev.muster.profile.ProbeSpec;
import dev.muster.profile.ProfileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceTest {
    private static final String STACK = """
            version: 1
            name: shop
            hosts: { redis: cache.internal }
            services:
              postgres-init: { kind: task, command: [/bin/true] }
              postgres:
                depends_on: [postgres-init]
                command: [/bin/true]
                ready: { postgres: { port: 5432, user: postgres, password: pw }, timeout: 40s }
              schema:
                kind: schema
                depends_on: [postgres]
                database: { port: 5432, user: postgres, password: pw, name: app }
                apply: /tmp/schema.sql
              redis:
                command: [/bin/true]
                ready: { redis: { port: 6379 } }
              backend:
                depends_on: { schema: completed, redis: ready }
                command: [/bin/true]
                ready: { http: { url: "http://127.0.0.1:8000/health?deep=1", status: 200 } }
                restart: on-failure
              frontend:
                depends_on: [backend]
                command: [/bin/true]
                ready: { exec: [/bin/true] }
              worker:
                depends_on: [frontend]
                command: [/bin/true]
            """;

    @TempDir
    Path dir;

    @Test
    void keepsTheNamedServicesAndMakesTheirDependenciesExternal() throws IOException {
        Slice slice = Slice.of(profile(STACK), List.of("backend"), Map.of());

        assertThat(slice.profile().services().keySet()).containsExactly("redis", "backend");
        assertThat(slice.profile().services().get("redis").kind()).isEqualTo(Kind.EXTERNAL);
        assertThat(slice.profile().services().get("redis").command()).isEmpty();
        assertThat(slice.profile().services().get("backend").dependsOn()).containsExactly(Map.entry("redis", Condition.READY));
        assertThat(slice.unwaited()).containsExactly("schema");
        assertThat(slice.describe()).isEqualTo("only backend; external: redis (redis cache.internal:6379);"
                + " not waited for (tasks run elsewhere): schema");
    }

    @Test
    void aimsAnExternalProbeAtMusterHostThenHostsThenTheServiceName() throws IOException {
        Profile profile = profile(STACK);

        Slice byName = Slice.of(profile, List.of("schema"), Map.of());
        Slice byHosts = Slice.of(profile, List.of("backend"), Map.of());
        Slice byEnv = Slice.of(profile, List.of("backend", "frontend"), Map.of("MUSTER_HOST_REDIS", "10.0.0.7"));

        assertThat(byName.externals()).containsExactly(Map.entry("postgres", "postgres"));
        assertThat(byName.profile().services().get("postgres").ready().probe().describe())
                .isEqualTo("postgres postgres@postgres:5432/postgres");
        assertThat(byName.profile().services().get("postgres").ready().timeout()).hasSeconds(40);
        assertThat(byHosts.externals()).containsEntry("redis", "cache.internal");
        assertThat(byEnv.externals()).containsEntry("redis", "10.0.0.7");
    }

    @Test
    void aimsTheSchemaStepAtItsExternalPostgres() throws IOException {
        Slice slice = Slice.of(profile(STACK), List.of("schema", "backend"), Map.of("MUSTER_HOST_POSTGRES", "db.internal"));

        assertThat(slice.profile().services().get("schema").schema().database().host()).isEqualTo("db.internal");
        assertThat(slice.profile().services().get("backend").dependsOn()).containsKeys("schema", "redis");
    }

    @Test
    void aimsADatabaseStepsServerAtItsExternalPostgres() throws IOException {
        Profile profile = profile("""
                version: 1
                services:
                  postgres:
                    command: [/bin/true]
                    ready: { postgres: { port: 5432, user: postgres, password: pw } }
                  app-db:
                    kind: database
                    depends_on: [postgres]
                    server: { host: /data/run, port: 5432, user: postgres }
                    role: { name: app, password: apppw }
                    database: { name: app, owner: app, extensions: [pgcrypto] }
                  elsewhere-db:
                    kind: database
                    depends_on: [postgres]
                    server: { host: managed.example.com, port: 5432, user: admin, password: adminpw }
                    database: { name: other }
                """);

        Slice slice = Slice.of(profile, List.of("app-db", "elsewhere-db"), Map.of("MUSTER_HOST_POSTGRES", "db.internal"));

        DatabaseSetupSpec moved = slice.profile().services().get("app-db").setup();
        assertThat(moved.server()).isEqualTo(new DatabaseSpec("db.internal", 5432, "postgres", "pw", "postgres", "prefer"));
        assertThat(moved.role()).isEqualTo(new DatabaseSetupSpec.Role("app", "apppw"));
        assertThat(moved.database()).isEqualTo("app");
        assertThat(moved.owner()).isEqualTo("app");
        assertThat(moved.extensions()).containsExactly("pgcrypto");
        assertThat(slice.profile().services().get("elsewhere-db").setup().server().host()).isEqualTo("managed.example.com");
    }

    @Test
    void keepsPathAndQueryOfAnHttpProbeAimedElsewhere() throws IOException {
        Slice slice = Slice.of(profile(STACK), List.of("frontend"), Map.of());

        ProbeSpec.Http probe = (ProbeSpec.Http) slice.profile().services().get("backend").ready().probe();
        assertThat(probe.url()).hasToString("http://backend:8000/health?deep=1");
        assertThat(probe.status()).isEqualTo(200);
    }

    @Test
    void refusesAnExternalWhoseProbeOnlyRunsNextToIt() throws IOException {
        Profile profile = profile(STACK);

        assertThatThrownBy(() -> Slice.of(profile, List.of("worker"), Map.of()))
                .isInstanceOfSatisfying(MusterException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.INVALID_PROFILE))
                .hasMessageContaining("services.frontend.ready: worker depends on frontend")
                .hasMessageContaining("exec /bin/true")
                .hasMessageContaining("--only worker,frontend");
    }

    @Test
    void refusesUnknownNamesListingTheServices() throws IOException {
        Profile profile = profile(STACK);

        assertThatThrownBy(() -> Slice.of(profile, List.of("backend", "api"), Map.of()))
                .isInstanceOfSatisfying(MusterException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.INVALID_PROFILE))
                .hasMessageContaining("--only: no service api in")
                .hasMessageContaining("postgres-init, postgres, schema, redis, backend, frontend, worker");
    }

    @Test
    void refusesAnExternalWithoutAReadyProbe() throws IOException {
        Profile profile = profile("""
                version: 1
                services:
                  api: { command: [/bin/true] }
                  web: { depends_on: [api], command: [/bin/true] }
                """);

        assertThatThrownBy(() -> Slice.of(profile, List.of("web"), Map.of()))
                .hasMessageContaining("services.api.ready: web depends on api")
                .hasMessageContaining("no ready probe");
    }

    @Test
    void hostsMustNameServicesOfTheProfileAndBeHostNames() throws IOException {
        Files.writeString(dir.resolve("stack.yaml"), """
                version: 1
                hosts: { db: db.internal, api: "not a host" }
                services:
                  api: { command: [/bin/true] }
                """);

        assertThatThrownBy(() -> new ProfileLoader(Map.of(), spec -> "s").load(List.of(dir.resolve("stack.yaml"))))
                .isInstanceOfSatisfying(MusterException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.INVALID_PROFILE))
                .hasMessageContaining("hosts.db: \"db\" is not a service of this profile; name one of: api")
                .hasMessageContaining("hosts.api: \"not a host\" is not a host name or IP address");
    }

    @Test
    void musterHostVariableUpperCasesAndReplacesDashesAndDots() {
        assertThat(ExternalHosts.variable("postgres-init")).isEqualTo("MUSTER_HOST_POSTGRES_INIT");
        assertThat(ExternalHosts.variable("cache.v2")).isEqualTo("MUSTER_HOST_CACHE_V2");
    }

    private Profile profile(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("stack.yaml"), yaml);
        return new ProfileLoader(Map.of(), spec -> "secret").load(List.of(file)).profile();
    }
}
