package dev.muster.it;

import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys of real entrypoints through the shaded jar: kind: database, secrets after preflight, check's report. */
class EntrypointKeysIT {
    private static final Duration QUICK = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void databaseStepCreatesRoleAndDatabaseThenHasNothingToDoOnTheNextBoot() {
        assumeTrue(PostgresCluster.available(), "needs PostgreSQL 15 in " + PostgresCluster.BIN + " and root");
        try (PostgresCluster cluster = PostgresCluster.start(dir)) {
            Path profile = Fixtures.profile(dir, """
                    version: 1
                    name: dbstep
                    services:
                      app-db:
                        kind: database
                        server: { host: %s, port: %d, user: postgres }
                        role: { name: app, password: "${APP_DB_PASSWORD}" }
                        database: { name: app, owner: app, extensions: [pgcrypto] }
                      web:
                        depends_on: [app-db]
                        command: %s
                    """.formatted(cluster.socketDirectory(), cluster.port(), sh("say-then-idle.sh", "0", "web up")));
            Map<String, String> env = Map.of("APP_DB_PASSWORD", "a-long-app-password");

            for (String expected : new String[] {"created role app, database app owned by app, extension pgcrypto in app",
                "nothing to do"}) {
                try (MusterRun run = MusterRun.up(profile, env)) {
                    run.awaitLine("app-db.*" + java.util.regex.Pattern.quote(expected), QUICK);
                    run.awaitLine("web up", QUICK);
                    run.signal("TERM");
                    assertThat(run.awaitExit(QUICK)).as(run.output()).isEqualTo(143);
                    assertThat(run.output().get()).doesNotContain("a-long-app-password");
                }
            }
            assertThat(cluster.number("app", "SELECT count(*) FROM pg_extension WHERE extname = 'pgcrypto'")).isEqualTo(1);
        }
    }

    @Test
    void aProfileThatFailsPreflightCreatesNoSecretFile() {
        Path secret = dir.resolve("secrets/secret_key");
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: rejected
                secrets:
                  SECRET_KEY: { env: SECRET_KEY, file: %s }
                directories:
                  - { path: %s, owner: no-such-user-k14 }
                files:
                  - { path: %s, template: %s }
                services:
                  web: { command: %s }
                """.formatted(secret, dir.resolve("media"), dir.resolve("app.conf"), dir.resolve("missing.tmpl"),
                sh("say-then-idle.sh", "0", "web up")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            int exit = run.awaitExit(QUICK);

            assertThat(exit).as(run.output()).isEqualTo(3);
            assertThat(run.output().get()).contains("files[0].template: " + dir.resolve("missing.tmpl") + " does not exist");
            if ("root".equals(System.getProperty("user.name"))) {
                assertThat(run.output().get()).contains("directories[0].owner: user \"no-such-user-k14\" (owner of "
                        + dir.resolve("media") + ") does not exist on this machine");
            }
        }
        assertThat(Files.exists(secret)).isFalse();
    }

    @Test
    void secretsGeneratedAfterPreflightReachTheServices() throws Exception {
        Path secret = dir.resolve("secrets/secret_key");
        Path seen = dir.resolve("seen");
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: generated
                secrets:
                  SECRET_KEY: { env: SECRET_KEY, file: %s, bytes: 16 }
                services:
                  web:
                    shell: true
                    command: printf %%s "$SECRET_KEY" > %s && echo web up && exec sleep 300
                """.formatted(secret, seen));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine("web up", QUICK);
            run.signal("TERM");
            assertThat(run.awaitExit(QUICK)).as(run.output()).isEqualTo(143);
        }
        assertThat(Files.readString(secret).strip()).hasSize(32).isEqualTo(Files.readString(seen));
    }

    @Test
    void aSecretFileFromAnEarlierBootReachesTheServicesAndFilesUnchanged() throws Exception {
        Path secret = Files.writeString(Files.createDirectories(dir.resolve("secrets")).resolve("key"), "kept-value\n");
        Path seen = dir.resolve("seen");
        Path copy = dir.resolve("copy");
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: kept
                secrets:
                  KEY: { file: %s, bytes: 16 }
                files:
                  - { path: %s, content: "${KEY}" }
                services:
                  web:
                    shell: true
                    command: printf %%s "$KEY" > %s && echo web up && exec sleep 300
                """.formatted(secret, copy, seen));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine("web up", QUICK);
            run.signal("TERM");
            assertThat(run.awaitExit(QUICK)).as(run.output()).isEqualTo(143);
        }
        assertThat(Files.readString(seen)).isEqualTo("kept-value");
        assertThat(Files.readString(copy)).isEqualTo("kept-value");
        assertThat(Files.readString(secret)).isEqualTo("kept-value\n");
    }

    @Test
    void upReadsEnvFilesRendersTemplatesAndOwnsTreesRecursively() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "changing owners needs root");
        Path media = Files.createDirectories(dir.resolve("media/2026/01"));
        Files.writeString(media.resolve("scan.pdf"), "pdf");
        Path envFile = Files.writeString(dir.resolve("app.env"), "export APP_NAME=archive\nGREETING=\"hi ${APP_NAME}\"\n");
        Path template = Files.writeString(dir.resolve("app.conf.tmpl"), "name=${APP_NAME}\ngreeting=${GREETING}\n");
        Path rendered = dir.resolve("conf/app.conf");
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: prepared
                env_file: [%s, "?%s"]
                directories:
                  - { path: %s, owner: nobody, mode: "2775", recursive: true }
                files:
                  - { path: %s, template: %s }
                services:
                  web: { command: %s }
                """.formatted(envFile, dir.resolve("absent.env"), dir.resolve("media"), rendered, template,
                sh("say-then-idle.sh", "0", "web up")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine("prepared directory " + java.util.regex.Pattern.quote(dir.resolve("media").toString())
                    + ": .*owner nobody .* on 3 of 3 entries below", QUICK);
            run.awaitLine("web up", QUICK);
            run.signal("TERM");
            assertThat(run.awaitExit(QUICK)).as(run.output()).isEqualTo(143);
        }
        assertThat(Files.readString(rendered)).isEqualTo("name=archive\ngreeting=hi archive\n");
        assertThat((Integer) Files.getAttribute(media, "unix:mode") & 07777).isEqualTo(02775);
        assertThat(Files.getOwner(media.resolve("scan.pdf")).getName()).isEqualTo("nobody");
    }

    @Test
    void checkShowsDisabledServicesAndWarnsAboutWeakSecretsAndTermForPostgres() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: checked
                env:
                  DB_PASSWORD: app
                services:
                  db:
                    command: %s
                    ready: { postgres: { port: 1, mode: accepting } }
                    stop: { signal: TERM }
                  flower:
                    command: %s
                    enabled: "${ENABLE_FLOWER:-false}"
                """.formatted(sh("say-then-idle.sh", "0", "db"), sh("say-then-idle.sh", "0", "flower")));

        try (MusterRun run = MusterRun.start(dir, Map.of(), "check", "-p", profile.toString())) {
            int exit = run.awaitExit(QUICK);

            assertThat(exit).as(run.output()).isEqualTo(0);
            assertThat(run.stdout()).as(run.output())
                    .contains("  flower (service, disabled)")
                    .anyMatch(l -> l.startsWith("warning: services.db.stop.signal: db looks like PostgreSQL but is"
                            + " stopped with TERM"))
                    .anyMatch(l -> l.startsWith("warning: env.DB_PASSWORD: the value is shorter than 8 characters"));
        }
    }
}
