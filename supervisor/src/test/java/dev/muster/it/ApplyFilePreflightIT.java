package dev.muster.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A schema step's missing {@code apply:} file fails {@code up}'s preflight (exit 3) before anything starts. */
class ApplyFilePreflightIT {
    private static final Duration QUICK = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void upExitsThreeNamingServiceKeyAndPathBeforeAnythingStarts() {
        Path marker = dir.resolve("db-started");
        Path missing = dir.resolve("database_schema.sql");
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: missing-apply
                services:
                  db:
                    kind: task
                    command: [touch, %s]
                  schema:
                    kind: schema
                    depends_on: [db]
                    database: { port: %d, user: postgres, name: app }
                    apply: %s
                """.formatted(marker, Fixtures.freePort(), missing));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            int exit = run.awaitExit(QUICK);

            assertThat(exit).as(run.output()).isEqualTo(3);
            assertThat(String.join("\n", run.stderr())).as(run.output())
                    .contains("services.schema.apply: " + missing + " does not exist; put the bootstrap SQL file");
            assertThat(marker).as("nothing may start before preflight passed").doesNotExist();
        }
    }
}
