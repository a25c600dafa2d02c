package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.process.Signal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {
    private static final Path FULL = Path.of("supervisor/src/test/resources/profiles/full.yaml");
    private static final Path MISTAKES = Path.of("supervisor/src/test/resources/profiles/demo-with-mistakes.yaml");

    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir);
    }

    private static LoadedProfile loadFull() {
        Map<String, String> environment = Map.of("DB_PASSWORD", "hunter22");
        return new ProfileLoader(environment, spec -> "generated-" + spec.bytes()).load(List.of(FULL));
    }

    @Test
    void bindsEveryPartOfAFullProfile() {
        Profile profile = loadFull().profile();

        assertThat(profile.name()).isEqualTo("full-stack");
        assertThat(profile.sources()).containsExactly(FULL);
        assertThat(profile.env()).containsExactly(
                Map.entry("SECRET_KEY", "generated-16"),
                Map.entry("DB_NAME", "app"),
                Map.entry("DATABASE_URL", "postgresql://app:hunter22@localhost:5432/app"));
        assertThat(profile.secrets().get("SECRET_KEY"))
                .isEqualTo(new SecretSpec("SECRET_KEY", Path.of("/data/secrets/secret_key"), 16));
        assertThat(profile.directories()).containsExactly(
                new DirectorySpec(Path.of("/tmp/backend_logs"), "app", FileMode.parse("0755")),
                new DirectorySpec(Path.of("/tmp/plain"), null, null));
        assertThat(profile.files()).containsExactly(
                new FileSpec(Path.of("/app/backend/.env"), "DB_NAME=app\n", FileMode.parse("0600"), null));
        assertThat(profile.preflight()).isEqualTo(
                new PreflightSpec(List.of("postgres", "gunicorn"), List.of("DB_PASSWORD"), List.of(5432, 8000), ""));
        assertThat(profile.services()).containsOnlyKeys("postgres-init", "postgres", "backend", "frontend");
        assertThat(profile.control()).isEqualTo(new ControlSpec("127.0.0.1:7861", 20));
    }

    @Test
    void bindsEveryPartOfAService() {
        ServiceSpec backend = loadFull().profile().services().get("backend");

        assertThat(backend.kind()).isEqualTo(Kind.SERVICE);
        assertThat(backend.command())
                .containsExactly("gunicorn", "config.wsgi:application", "-b", "0.0.0.0:8000", "--workers", "2");
        assertThat(backend.cwd()).isEqualTo(Path.of("/app/backend"));
        assertThat(backend.user()).isEqualTo("1000:1000");
        assertThat(backend.env()).containsExactly(
                Map.entry("WORKERS", "2"), Map.entry("LOG_DIR", "/tmp/backend_logs/app"));
        assertThat(backend.dependsOn()).containsExactly(
                Map.entry("postgres", Condition.READY), Map.entry("postgres-init", Condition.COMPLETED));
        ProbeSpec.Http http = (ProbeSpec.Http) backend.ready().probe();
        assertThat(http.url()).isEqualTo(URI.create("http://127.0.0.1:8000/api/v1/health/"));
        assertThat(http.status()).isEqualTo(200);
        assertThat(http.body().pattern()).isEqualTo("ok");
        assertThat(backend.ready().timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(backend.ready().interval()).isEqualTo(Duration.ofMillis(100));
        assertThat(backend.ready().startPeriod()).isEqualTo(Duration.ofSeconds(2));
        assertThat(backend.stop()).isEqualTo(new StopSpec(Signal.QUIT, Duration.ofSeconds(5)));
        assertThat(backend.log()).isEqualTo(new LogSpec(Path.of("/tmp/backend_logs/backend.log"), 10L << 20, 5));
        assertThat(backend.required()).isTrue();
        assertThat(backend.creates()).isNull();
    }

    @Test
    void bindsTasksShellCommandsAndDefaults() {
        Map<String, ServiceSpec> services = loadFull().profile().services();

        ServiceSpec init = services.get("postgres-init");
        assertThat(init.isTask()).isTrue();
        assertThat(init.creates()).isEqualTo(Path.of("/data/pg/PG_VERSION"));
        assertThat(init.ready()).isEqualTo(ReadySpec.whenStarted());
        ServiceSpec postgres = services.get("postgres");
        assertThat(postgres.dependsOn()).containsExactly(Map.entry("postgres-init", Condition.COMPLETED));
        assertThat(postgres.command()).endsWith("5432");
        assertThat(postgres.ready().probe()).isEqualTo(new ProbeSpec.Tcp("127.0.0.1", 5432));
        assertThat(postgres.stop()).isEqualTo(new StopSpec(Signal.INT, StopSpec.DEFAULT_TIMEOUT));
        ServiceSpec frontend = services.get("frontend");
        assertThat(frontend.shell()).isTrue();
        assertThat(frontend.argv()).containsExactly("/bin/sh", "-c", "node server.js");
        assertThat(((ProbeSpec.Log) frontend.ready().probe()).pattern().pattern()).isEqualTo("listening on port \\d+");
        assertThat(frontend.required()).isFalse();
        assertThat(frontend.stop().signal()).isEqualTo(Signal.TERM);
    }

    @Test
    void effectiveTreeIsInterpolated() {
        var effective = loadFull().effective();

        assertThat(effective.at("/env/DB_NAME").asText()).isEqualTo("app");
        assertThat(effective.at("/files/0/content").asText()).isEqualTo("DB_NAME=app\n");
        assertThat(effective.at("/services/backend/env/LOG_DIR").asText()).isEqualTo("/tmp/backend_logs/app");
    }

    @Test
    void reportsEveryProblemWithFileLineAndPath() {
        ProfileLoader loader = new ProfileLoader(Map.of(), spec -> "unused");
        String file = MISTAKES.toString();

        String message = ProfileFixture.messageOf(() -> loader.load(List.of(MISTAKES)));

        assertThat(ProfileFixture.lines(message)).containsExactly(
                "profile " + file + " is invalid (3 problems):",
                "  - " + file + ":5: services.backend.depend_on: unknown key; did you mean 'depends_on'?"
                        + " The keys here are: kind, enabled, shell, command, env, cwd, user, depends_on, ready, stop, log,"
                        + " required, creates, live, restart, image, ports, volumes, timeout",
                "  - " + file + ":8: services.backend.ready.timeout: \"3x\" is not a duration;"
                        + " write it like 30s, 500ms or 2m",
                "  - " + file + ":10: services.db.command: is a string;"
                        + " write it as a list [prog, arg] or set shell: true");
    }

    @Test
    void headlineCountsASingleProblem() {
        fixture.write("p.yaml", "version: 1\nservices:\n  a:\n    command: [x]\n    colour: red\n");

        assertThat(fixture.problems("p.yaml")).startsWith("profile " + dir.resolve("p.yaml") + " is invalid (1 problem):\n");
    }

    @Test
    void nameDefaultsToTheFirstFilesBaseName() {
        fixture.write("my-stack.yaml", "version: 1\nservices:\n  a:\n    command: [x]\n");

        assertThat(fixture.profile("my-stack.yaml").name()).isEqualTo("my-stack");
    }

    @Test
    void missingFileIsReportedWithTheFix() {
        assertThat(fixture.problems("nope.yaml"))
                .contains(dir.resolve("nope.yaml") + ": file not found; check the -p path");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        fixture.write("bad.yaml", "version: 1\nservices:\n  a:\n    command: [x\n  b: 1\n");

        assertThat(fixture.problems("bad.yaml")).containsPattern(dir.resolve("bad.yaml") + ":\\d: YAML syntax error: ");
    }

    @Test
    void duplicateKeysAreReported() {
        fixture.write("dup.yaml", "version: 1\nservices:\n  a:\n    command: [x]\n    command: [y]\n");

        assertThat(fixture.problems("dup.yaml")).contains(":5: services.a.command: this key appears twice");
    }

    @Test
    void aliasesRepeatTheAnchoredValue() {
        fixture.write("p.yaml", """
                version: 1
                env: &shared
                  LEVEL: info
                services:
                  a: { command: [a], env: *shared }
                  b: { command: [b], env: *nowhere }
                """);

        assertThat(fixture.problems("p.yaml")).contains(":6: *nowhere refers to no anchor on a mapping or list; define &nowhere on a mapping or list before it");
        fixture.write("p.yaml", "version: 1\nx: &cmd [run, fast]\nservices:\n  a: { command: *cmd }\n");
        assertThat(fixture.problems("p.yaml")).contains(":2: x: unknown key");
        fixture.write("p.yaml", "version: 1\nenv: &e { A: '1' }\nservices:\n  a: { command: [a], env: *e }\n");
        assertThat(fixture.profile("p.yaml").services().get("a").env()).containsEntry("A", "1");
    }
}
