package dev.muster.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.profile.LoadedProfile;
import dev.muster.profile.ProfileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabasePasswordsTest {
    @TempDir
    Path dir;

    @Test
    void passwordsOfDatabaseStepsAndProbesAreHiddenEverywhere() throws IOException {
        Path profile = Files.writeString(dir.resolve("p.yaml"), """
                version: 1
                services:
                  db:
                    command: [postgres]
                    ready: { postgres: { port: 5432, password: probe-pw-123 } }
                  cache:
                    command: [redis-server]
                    ready: { redis: { port: 6379, password: redis-pw-456 } }
                  schema:
                    kind: schema
                    database: { name: app, password: step-pw-789 }
                    apply: schema.sql
                """);
        LoadedProfile loaded = new ProfileLoader(Map.of(), spec -> "x").load(List.of(profile));
        Redactor redactor = Redactor.forProfile(loaded.profile());

        assertThat(redactor.redact("probe-pw-123 redis-pw-456 step-pw-789")).isEqualTo("****** ****** ******");
        assertThat(redactor.redact(loaded.effective()).toString())
                .doesNotContain("probe-pw-123", "redis-pw-456", "step-pw-789").contains("\"password\":\"******\"");
    }

    @Test
    void passwordsOfLiveProbesAreHiddenWhereverTheyAppear() throws IOException {
        Path profile = Files.writeString(dir.resolve("p.yaml"), """
                version: 1
                services:
                  db:
                    command: [postgres, -c, "note=live-pg-pw-321"]
                    live: { postgres: { url: "postgresql://app:live-pg-pw-321@127.0.0.1:5432/app" } }
                  cache:
                    command: [redis-server, --requirepass, live-redis-pw-654]
                    live: { redis: { port: 6379, password: live-redis-pw-654 } }
                """);
        LoadedProfile loaded = new ProfileLoader(Map.of(), spec -> "x").load(List.of(profile));

        assertThat(Redactor.forProfile(loaded.profile()).redact(loaded.effective()).toString())
                .doesNotContain("live-pg-pw-321", "live-redis-pw-654");
    }
}
