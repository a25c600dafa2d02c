package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret's value: $ENV, then the file $ENV_FILE names, then its own (generated) file. */
class SecretSourcesTest {
    private static final String PROFILE = """
            version: 1
            secrets:
              SECRET_KEY: { env: SECRET_KEY, file: /data/secrets/secret_key, bytes: 32 }
            services:
              app: { command: [app] }
            """;

    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir);
        fixture.write("p.yaml", PROFILE);
    }

    @Test
    void theEnvironmentVariableWins() throws Exception {
        fixture.env("SECRET_KEY", "from-the-environment").env("SECRET_KEY_FILE", Files.writeString(dir.resolve("f"), "x").toString());

        Profile profile = fixture.profile("p.yaml");

        assertThat(profile.env()).containsEntry("SECRET_KEY", "from-the-environment");
        assertThat(profile.secrets().get("SECRET_KEY"))
                .isEqualTo(new SecretSpec("SECRET_KEY", Path.of("/data/secrets/secret_key"), 32, "SECRET_KEY"));
    }

    @Test
    void theFileNamedByTheFileVariableComesNext() throws Exception {
        Path mounted = Files.writeString(dir.resolve("secret_key"), "  from-a-mounted-file\n");
        fixture.env("SECRET_KEY_FILE", mounted.toString());

        assertThat(fixture.profile("p.yaml").env()).containsEntry("SECRET_KEY", "from-a-mounted-file");
    }

    @Test
    void withNeitherTheSecretsOwnFileIsUsed() {
        assertThat(fixture.profile("p.yaml").env()).containsEntry("SECRET_KEY", "secret-of-SECRET_KEY");
    }

    @Test
    void aMissingOrEmptyFileOrEmptyVariableIsAnErrorNamingIt() throws Exception {
        fixture.env("SECRET_KEY_FILE", dir.resolve("absent").toString());
        assertThat(fixture.problems("p.yaml")).contains("secrets.SECRET_KEY: SECRET_KEY_FILE names " + dir.resolve("absent")
                + ", which cannot be read (NoSuchFileException); mount the secret there, or unset SECRET_KEY_FILE");

        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        fixture.env("SECRET_KEY_FILE", empty.toString());
        assertThat(fixture.problems("p.yaml")).contains("secrets.SECRET_KEY: SECRET_KEY_FILE names " + empty
                + ", which is empty; write the secret into it, or unset SECRET_KEY_FILE");

        fixture.env("SECRET_KEY", "");
        assertThat(fixture.problems("p.yaml")).contains("secrets.SECRET_KEY: SECRET_KEY is set but empty; give it the"
                + " secret's value, or unset it so that SECRET_KEY_FILE or /data/secrets/secret_key is used");
    }

    @Test
    void anInvalidEnvNameIsAnError() {
        fixture.write("p.yaml", PROFILE.replace("env: SECRET_KEY", "env: 1KEY"));

        assertThat(fixture.problems("p.yaml")).contains("secrets.SECRET_KEY.env: \"1KEY\" is not a valid variable name");
    }
}
