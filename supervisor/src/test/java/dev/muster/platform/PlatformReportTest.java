package dev.muster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformReportTest {
    @TempDir
    Path dir;

    private final MountTable mounts = MountTable.parse(MountTableTest.MOUNTINFO);

    @Test
    void railwayWithoutTheDrainingVariableGivesZeroSecondsAndTheWarningNamesIt() throws Exception {
        Map<String, String> env = Map.of("RAILWAY_ENVIRONMENT_NAME", "production");
        var report = PlatformReport.of(ProfileFiles.load(dir, ProfileFiles.stack("/data/pg", ""), env), env, mounts);

        assertThat(report.lines().get(0)).startsWith("platform: Railway")
                .contains("grace after SIGTERM: 0 s (RAILWAY_DEPLOYMENT_DRAINING_SECONDS is unset)");
        assertThat(report.warnings()).singleElement().asString()
                .contains("Railway will SIGKILL 0 s after SIGTERM")
                .contains("PostgreSQL cannot shut down cleanly")
                .endsWith("set RAILWAY_DEPLOYMENT_DRAINING_SECONDS=40");
    }

    @Test
    void railwayWithEnoughDrainingTimeHasNoWarning() throws Exception {
        Map<String, String> env = Map.of("RAILWAY_ENVIRONMENT_NAME", "production", "RAILWAY_DEPLOYMENT_DRAINING_SECONDS", "60");
        var report = PlatformReport.of(ProfileFiles.load(dir, ProfileFiles.stack("/data/pg", ""), env), env, mounts);

        assertThat(report.warnings()).isEmpty();
        assertThat(report.lines()).anyMatch(l -> l.contains("postgres: stop within 30.00s (done 40.00s after SIGTERM)"));
    }

    @Test
    void renderAndDockerDefaultsApplyAndGraceInTheProfileWins() {
        assertThat(PlatformFacts.detect(Map.of("RENDER", "true"), null).grace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(PlatformFacts.detect(Map.of(), null).grace()).isEqualTo(Duration.ofSeconds(10));
        PlatformFacts railway = PlatformFacts.detect(Map.of("RAILWAY_ENVIRONMENT_NAME", "x"), Duration.ofSeconds(20));
        assertThat(railway.grace()).isEqualTo(Duration.ofSeconds(20));
        assertThat(railway.settingFor(45)).isEqualTo("set RAILWAY_DEPLOYMENT_DRAINING_SECONDS=45");
    }

    @Test
    void warnsAboutADataDirectoryOnASpaceWithoutBackups() throws Exception {
        Map<String, String> env = Map.of("SPACE_ID", "user/space");
        var report = PlatformReport.of(ProfileFiles.load(dir, ProfileFiles.stack("/data/pg", ""), env), env, mounts);

        assertThat(report.lines().get(0)).startsWith("platform: Hugging Face Spaces").contains("uid 1000");
        assertThat(report.warnings()).anyMatch(w -> w.contains("PostgreSQL's data directory /data/pg does not persist")
                && w.contains("Add backups:"));
    }

    @Test
    void saysWhichBackupKeepsTheDataOfADiskThatDoesNotPersist() throws Exception {
        Map<String, String> env = Map.of("SPACE_ID", "user/space", "RAILWAY_ENVIRONMENT_NAME", "");
        var profile = ProfileFiles.load(dir, ProfileFiles.stack("/var/lib/pg", """
                backups:
                  db: { database: { port: 5432, name: app }, to: /data/bucket/backups }
                grace: 60
                """), env);
        var report = PlatformReport.of(profile, env, mounts);

        assertThat(report.warnings()).isEmpty();
        assertThat(report.lines()).anyMatch(l -> l.contains("backups.db keeps the data as dumps in /data/bucket/backups"));
    }
}
