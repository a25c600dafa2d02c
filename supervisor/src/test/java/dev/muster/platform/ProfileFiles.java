package dev.muster.platform;

import dev.muster.profile.Profile;
import dev.muster.profile.ProfileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads a profile written into a test's directory, with a fixed environment. */
final class ProfileFiles {
    private ProfileFiles() {
    }

    static Profile load(Path dir, String yaml, Map<String, String> env) throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), yaml);
        return new ProfileLoader(env, spec -> "secret").load(List.of(file)).profile();
    }

    /** PostgreSQL on {@code data} (30 s stop), a schema step, an app (10 s stop); {@code extra} at the top level. */
    static String stack(String data, String extra) {
        return """
                version: 1
                %2$s
                services:
                  postgres:
                    command: [postgres, -D, %1$s, -p, "5432"]
                    ready: { postgres: { port: 5432 } }
                    stop: { signal: INT, timeout: 30s }
                  schema:
                    kind: schema
                    depends_on: [postgres]
                    database: { port: 5432, name: app }
                    apply: /app/schema.sql
                  app:
                    depends_on: [schema]
                    command: [app]
                    stop: { timeout: 10s }
                """.formatted(data, extra);
    }
}
