package dev.muster.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.profile.LoadedProfile;
import dev.muster.profile.ProfileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weak secrets are not searched for in text (they would mask ordinary words); check warns about them. */
class SecretStrengthTest {
    @TempDir
    Path dir;
    LoadedProfile loaded;

    @BeforeEach
    void setUp() throws IOException {
        Path profile = Files.writeString(dir.resolve("p.yaml"), """
                version: 1
                name: muster-aio
                env:
                  DB_PASSWORD: muster
                  REDIS_PASSWORD: postgres
                  API_TOKEN: a-long-random-token-1
                services:
                  app: { command: [app], env: { SECRET_KEY: short1 } }
                """);
        loaded = new ProfileLoader(Map.of(), spec -> "unused").load(List.of(profile));
    }

    @Test
    void weakValuesAreMaskedOnlyAsEnvValuesNotInsideText() {
        Redactor redactor = Redactor.forProfile(loaded.profile());

        assertThat(redactor.redact("name: muster-aio on postgres, token a-long-random-token-1"))
                .isEqualTo("name: muster-aio on postgres, token ******");
        assertThat(redactor.redact(loaded.effective()).at("/env/DB_PASSWORD").asText()).isEqualTo(Redactor.MASK);
        assertThat(redactor.redact(loaded.effective()).at("/name").asText()).isEqualTo("muster-aio");
    }

    @Test
    void checkWarnsAboutEachWeakSecretWithoutShowingIt() {
        List<String> warnings = SecretStrength.warnings(loaded.profile());

        assertThat(warnings).containsExactly(
                "env.DB_PASSWORD: the value is shorter than 8 characters, so muster masks it only as an env value, not"
                        + " inside logs or other text; use a long random value (openssl rand -hex 32)",
                "env.REDIS_PASSWORD: the value is a common word, so muster masks it only as an env value, not inside"
                        + " logs or other text; use a long random value (openssl rand -hex 32)",
                "services.app.env.SECRET_KEY: the value is shorter than 8 characters, so muster masks it only as an env"
                        + " value, not inside logs or other text; use a long random value (openssl rand -hex 32)");
    }

    @Test
    void longUnusualValuesAreMaskable() {
        assertThat(SecretStrength.maskable("a-long-random-token-1")).isTrue();
        assertThat(SecretStrength.maskable("Password")).isFalse();
        assertThat(SecretStrength.maskable("1234567")).isFalse();
    }
}
