package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileModesTest {
    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir).env("DB_PASSWORD", "hunter22").env("DB_NAME", "app");
    }

    private LoadedProfile load(String files) {
        fixture.write("p.yaml", "version: 1\nsecrets:\n  SIGNING: { file: " + dir.resolve("s") + ", bytes: 16 }\n"
                + "files:\n" + files + "services:\n  t: {kind: task, command: [\"true\"]}\n");
        return fixture.load("p.yaml");
    }

    @Test
    void fileReferencingASensitiveVariableDefaultsTo0600WithANote() {
        LoadedProfile loaded = load("  - { path: /app/.env, content: \"PW=${DB_PASSWORD}\\n\" }\n");

        assertThat(loaded.profile().files().get(0).mode()).isEqualTo(FileMode.parse("0600"));
        assertThat(loaded.notes()).containsExactly("files[0] /app/.env: mode 0600 (not 0644) because its content"
                + " holds ${DB_PASSWORD}; write mode: to choose another");
        assertThat(loaded.effective().at("/files/0/mode").asText()).isEqualTo("0600");
    }

    @Test
    void fileHoldingADeclaredSecretsValueDefaultsTo0600() {
        LoadedProfile loaded = load("  - { path: /app/key, content: \"secret-of-SIGNING\" }\n");

        assertThat(loaded.profile().files().get(0).mode()).isEqualTo(FileMode.parse("0600"));
        assertThat(loaded.notes()).singleElement().asString().contains("holds a declared secret's value");
    }

    @Test
    void declaredSecretReferencedByNameDefaultsTo0600() {
        LoadedProfile loaded = load("  - { path: /app/key, content: \"${SIGNING}\" }\n");

        assertThat(loaded.notes()).singleElement().asString().contains("holds ${SIGNING}");
    }

    @Test
    void plainFileKeeps0644AndAnExplicitModeIsKept() {
        LoadedProfile loaded = load("  - { path: /app/plain, content: \"DB=${DB_NAME} and $${DB_PASSWORD}\" }\n"
                + "  - { path: /app/shared, mode: \"0640\", content: \"PW=${DB_PASSWORD}\" }\n");

        assertThat(loaded.profile().files()).extracting(FileSpec::mode)
                .containsExactly(FileMode.parse("0644"), FileMode.parse("0640"));
        assertThat(loaded.notes()).isEmpty();
    }
}
