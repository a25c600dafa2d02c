package dev.muster.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

class RedactorTest {
    @TempDir
    Path dir;
    LoadedProfile loaded;
    Redactor redactor;

    @BeforeEach
    void setUp() throws IOException {
        Path profile = Files.writeString(dir.resolve("p.yaml"), """
                version: 1
                secrets:
                  SESSION: { file: /s/session }
                env:
                  DB_PASSWORD: hunter22
                  DATABASE_URL: postgresql://app:pg-pass-9@localhost:5432/app
                  PLAIN: visible
                files:
                  - { path: /app/.env, content: "SESSION=${SESSION}\\nPW=${DB_PASSWORD}\\n" }
                services:
                  app:
                    command: [app, --session, "${SESSION}"]
                    env: { API_TOKEN: tok-123456, PIN_KEY: abc }
                """);
        loaded = new ProfileLoader(Map.of(), spec -> "generated-session-value").load(List.of(profile));
        redactor = Redactor.forProfile(loaded.profile());
    }

    @Test
    void sensitiveEnvValuesAreRedactedInText() {
        assertThat(redactor.redact("pw=hunter22 session=generated-session-value token=tok-123456 plain=visible"))
                .isEqualTo("pw=****** session=****** token=****** plain=visible");
    }

    @Test
    void urlPasswordIsRedacted() {
        assertThat(redactor.redact("connecting to postgresql://app:pg-pass-9@localhost:5432/app"))
                .isEqualTo("connecting to postgresql://app:******@localhost:5432/app");
        assertThat(redactor.redact("pg-pass-9 alone")).isEqualTo("****** alone");
        assertThat(redactor.redact("redis://:other-pass@cache:6379/0")).isEqualTo("redis://:******@cache:6379/0");
        assertThat(redactor.redact("http://127.0.0.1:8000/health")).isEqualTo("http://127.0.0.1:8000/health");
    }

    @Test
    void shortValuesAreOnlyMaskedAsEnvValues() {
        assertThat(redactor.redact("abc stays")).isEqualTo("abc stays");
        assertThat(redactor.redact(loaded.effective()).at("/services/app/env/PIN_KEY").asText()).isEqualTo("******");
    }

    @Test
    void effectiveTreeHasSensitiveEnvMaskedAndOtherStringsScrubbed() {
        JsonNode redacted = redactor.redact(loaded.effective());

        assertThat(redacted.at("/env/DB_PASSWORD").asText()).isEqualTo("******");
        assertThat(redacted.at("/env/DATABASE_URL").asText()).isEqualTo("postgresql://app:******@localhost:5432/app");
        assertThat(redacted.at("/env/PLAIN").asText()).isEqualTo("visible");
        assertThat(redacted.at("/files/0/content").asText()).isEqualTo("SESSION=******\nPW=******\n");
        assertThat(redacted.at("/services/app/command/2").asText()).isEqualTo("******");
        assertThat(redacted.at("/services/app/env/API_TOKEN").asText()).isEqualTo("******");
        assertThat(redacted.at("/secrets/SESSION/file").asText()).isEqualTo("/s/session");
        assertThat(redacted.toString()).doesNotContain("hunter22", "pg-pass-9", "generated-session-value", "tok-123456");
    }

    @Test
    void theOriginalTreeIsLeftAsItWas() {
        redactor.redact(loaded.effective());

        assertThat(loaded.effective().at("/env/DB_PASSWORD").asText()).isEqualTo("hunter22");
    }

    @Test
    void namesWithSecretWordsAreSensitiveInAnyCase() {
        assertThat(redactor.isSensitiveName("db_password")).isTrue();
        assertThat(redactor.isSensitiveName("SESSION")).isTrue();
        assertThat(redactor.isSensitiveName("AWS_SECRET_ACCESS_KEY")).isTrue();
        assertThat(redactor.isSensitiveName("PORT")).isFalse();
    }
}
