package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data and grace parts of the shipped profiles: what survives a Space restart, what Railway gives. */
class ShippedDurabilityTest {
    private static Profile load(String name, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin:/bin",
                "DATABASE_URL", "postgresql://app:pw@db.internal:5432/app"));
        env.putAll(extra);
        return new ProfileLoader(env, spec -> "secret").load(List.of(Path.of("profiles").resolve(name))).profile();
    }

    @Test
    void hfSpaceKeepsItsClusterOnLocalDiskAndItsDumpsInTheBucket() {
        Profile profile = load("hf-space.yaml", Map.of());

        assertThat(profile.services().get("postgres").command()).contains("/tmp/muster/pg");
        BackupSpec backup = profile.backups().get("db");
        assertThat(backup.to()).isEqualTo(Path.of("/data/bucket/backups"));
        assertThat(backup.restore()).isEqualTo(RestoreMode.AUTO);
        assertThat(backup.onStop()).isTrue();
        assertThat(backup.sameDatabase(profile.services().get("schema").schema().database())).isTrue();
        assertThat(load("hf-space.yaml", Map.of("BUCKET_DIR", "/mnt/b")).backups().get("db").to())
                .isEqualTo(Path.of("/mnt/b/backups"));
    }

    @Test
    void railwayTakesItsGraceFromTheDrainingVariableAndZeroWithoutIt() {
        assertThat(load("railway.yaml", Map.of()).grace()).isEqualTo(Duration.ZERO);
        assertThat(load("railway.yaml", Map.of("RAILWAY_DEPLOYMENT_DRAINING_SECONDS", "20")).grace())
                .isEqualTo(Duration.ofSeconds(20));
    }
}
