package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileInterpolationTest {
    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir).env("HOST_NAME", "box").env("PORT", "9000");
    }

    @Test
    void profileEnvSeesTheEnvironmentSecretsAndEarlierEntries() {
        fixture.write("p.yaml", """
                version: 1
                secrets:
                  API_TOKEN: { file: "/s/${HOST_NAME}/token" }
                env:
                  FIRST: ${HOST_NAME}
                  SECOND: ${FIRST}-${API_TOKEN}
                  HOST_NAME: overridden
                services:
                  a:
                    command: [run, "${HOST_NAME}", "${SECOND}"]
                """);

        Profile profile = fixture.profile("p.yaml");

        assertThat(profile.secrets().get("API_TOKEN").file()).isEqualTo(Path.of("/s/box/token"));
        assertThat(profile.env()).containsExactly(Map.entry("API_TOKEN", "secret-of-API_TOKEN"),
                Map.entry("FIRST", "box"), Map.entry("SECOND", "box-secret-of-API_TOKEN"),
                Map.entry("HOST_NAME", "overridden"));
        assertThat(profile.services().get("a").command()).containsExactly("run", "overridden", "box-secret-of-API_TOKEN");
    }

    @Test
    void scalarsDirectlyUnderTheRootAndAServiceAreInterpolated() {
        fixture.write("p.yaml", """
                version: 1
                name: stack-${HOST_NAME}
                env:
                  DIR: /srv/${HOST_NAME}
                services:
                  init:
                    kind: task
                    cwd: ${DIR}
                    user: ${HOST_NAME}
                    creates: ${DIR}/done
                    command: [init]
                """);

        Profile profile = fixture.profile("p.yaml");

        ServiceSpec init = profile.services().get("init");
        assertThat(profile.name()).isEqualTo("stack-box");
        assertThat(init.cwd()).isEqualTo(Path.of("/srv/box"));
        assertThat(init.user()).isEqualTo("box");
        assertThat(init.creates()).isEqualTo(Path.of("/srv/box/done"));
    }

    @Test
    void serviceFieldsSeeTheServicesOwnEnv() {
        fixture.write("p.yaml", """
                version: 1
                env:
                  LEVEL: info
                services:
                  a:
                    env:
                      APP_PORT: ${PORT}
                      LEVEL: debug-${LEVEL}
                    command: [serve, --port, "${APP_PORT}", --log, "${LEVEL}"]
                    ready: { tcp: "${APP_PORT}" }
                  b:
                    command: [other, "${LEVEL}"]
                """);

        Map<String, ServiceSpec> services = fixture.profile("p.yaml").services();

        assertThat(services.get("a").command()).containsExactly("serve", "--port", "9000", "--log", "debug-info");
        assertThat(services.get("a").ready().probe()).isEqualTo(new ProbeSpec.Tcp("127.0.0.1", 9000));
        assertThat(services.get("b").command()).containsExactly("other", "info");
    }

    @Test
    void secretsSectionSeesOnlyTheEnvironment() {
        fixture.write("p.yaml", """
                version: 1
                env:
                  DIR: /from-env-section
                secrets:
                  KEY: { file: "${DIR}/key" }
                services:
                  a: { command: [x] }
                """);

        assertThat(fixture.problems("p.yaml")).contains(":5: secrets.KEY.file: ${DIR} is not set; export DIR");
    }

    @Test
    void undefinedVariableIsReportedWithPathAndLine() {
        fixture.write("p.yaml", """
                version: 1
                env:
                  URL: postgresql://app:${DB_PASSWORD:?set DB_PASSWORD}@db/app
                services:
                  a:
                    command: [x, "${NOPE}"]
                """);

        assertThat(ProfileFixture.lines(fixture.problems("p.yaml"))).containsExactly(
                "profile " + dir.resolve("p.yaml") + " is invalid (2 problems):",
                "  - " + dir.resolve("p.yaml") + ":3: env.URL: DB_PASSWORD is not set: set DB_PASSWORD",
                "  - " + dir.resolve("p.yaml") + ":6: services.a.command[1]: ${NOPE} is not set;"
                        + " export NOPE before starting muster, or write ${NOPE:-default}");
    }

    @Test
    void failingSecretIsReportedAtTheSecret() {
        fixture.write("p.yaml", "version: 1\nsecrets:\n  KEY: { file: /k }\nservices:\n  a: { command: [x] }\n");
        ProfileLoader loader = new ProfileLoader(Map.of(), spec -> {
            throw new dev.muster.MusterException(2, "secret KEY: /k is empty; delete it");
        });

        String message = ProfileFixture.messageOf(() -> loader.load(java.util.List.of(dir.resolve("p.yaml"))));

        assertThat(message).contains(":3: secrets.KEY: secret KEY: /k is empty; delete it");
    }

    @Test
    void keysAreNotInterpolated() {
        fixture.write("p.yaml", "version: 1\nenv:\n  \"${X}\": 1\nservices:\n  a: { command: [x] }\n");

        assertThat(fixture.problems("p.yaml")).contains("env.${X}: \"${X}\" is not a valid variable name");
    }
}
