package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityBindingTest {
    private static final String SERVICES = """
            services:
              schema:
                kind: schema
                database: { port: 5432, name: app }
                apply: /app/schema.sql
            """;

    @TempDir
    Path dir;

    @Test
    void bindsABackupWithItsDefaults() {
        ProfileFixture fixture = new ProfileFixture(dir);
        fixture.write("p.yaml", "version: 1\nbackups:\n  db:\n    database: { port: 5432, name: app }\n"
                + "    to: ${BUCKET_DIR:-/data/bucket}/backups\n" + SERVICES);

        BackupSpec backup = fixture.profile("p.yaml").backups().get("db");
        assertThat(backup.to()).isEqualTo(Path.of("/data/bucket/backups"));
        assertThat(backup.every()).isZero();
        assertThat(backup.onStop()).isTrue();
        assertThat(backup.restore()).isEqualTo(RestoreMode.AUTO);
        assertThat(backup.keep()).isEqualTo(BackupSpec.DEFAULT_KEEP);
        assertThat(fixture.profile("p.yaml").grace()).isNull();
    }

    @Test
    void bindsEveryKeyAndTheGrace() {
        ProfileFixture fixture = new ProfileFixture(dir).env("RAILWAY_DEPLOYMENT_DRAINING_SECONDS", "20");
        fixture.write("p.yaml", "version: 1\ngrace: ${RAILWAY_DEPLOYMENT_DRAINING_SECONDS:-0}\nbackups:\n  db:\n"
                + "    url: postgresql://postgres@127.0.0.1:5432/app\n    to: /b\n    every: 15m\n    on_stop: false\n"
                + "    restore: required\n    keep: 2\n    timeout: 2m\n" + SERVICES);

        Profile profile = fixture.profile("p.yaml");
        BackupSpec backup = profile.backups().get("db");
        assertThat(backup.every()).isEqualTo(Duration.ofMinutes(15));
        assertThat(backup.onStop()).isFalse();
        assertThat(backup.restore()).isEqualTo(RestoreMode.REQUIRED);
        assertThat(backup.keep()).isEqualTo(2);
        assertThat(backup.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(profile.grace()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void anEmptyGraceMeansWhatThePlatformGives() {
        ProfileFixture fixture = new ProfileFixture(dir);
        fixture.write("p.yaml", "version: 1\ngrace: ${RAILWAY_DEPLOYMENT_DRAINING_SECONDS:-}\n" + SERVICES);

        assertThat(fixture.profile("p.yaml").grace()).isNull();
    }

    @Test
    void aRestoreNeedsASchemaStepOnTheSameDatabaseAndModesAreChecked() {
        ProfileFixture fixture = new ProfileFixture(dir);
        fixture.write("p.yaml", "version: 1\nbackups:\n  db:\n    database: { port: 5432, name: other }\n    to: rel\n"
                + "    restore: sometimes\n  bad name:\n    database: { name: app }\n    to: /b\n" + SERVICES);

        assertThat(fixture.problems("p.yaml"))
                .contains("backups.db.to: \"rel\" is not an absolute path")
                .contains("backups.db.restore: \"sometimes\" is not a restore mode; write auto, required or never")
                .contains("\"bad name\" is not a valid backup name");

        fixture.write("q.yaml", "version: 1\nbackups:\n  db:\n    database: { port: 5432, name: other }\n    to: /b\n"
                + SERVICES);
        assertThat(fixture.problems("q.yaml")).contains("backups.db.restore: auto needs a kind: schema step on"
                + " postgres@127.0.0.1:5432/other");
    }
}
