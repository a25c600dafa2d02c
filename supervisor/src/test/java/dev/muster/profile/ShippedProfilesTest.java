package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.process.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every profile shipped in {@code profiles/} loads with the real loader, with the env it documents. */
class ShippedProfilesTest {
    private static final Path PROFILES = Path.of("profiles");
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "PATH", "/usr/local/bin:/usr/bin:/bin",
            "DATABASE_URL", "postgresql://app:pw@db.internal:5432/app",
            "RAILWAY_ENVIRONMENT_NAME", "production");

    static Stream<Path> shippedProfiles() throws IOException {
        try (Stream<Path> files = Files.list(PROFILES)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static Profile load(Path file) {
        return new ProfileLoader(ENVIRONMENT, spec -> "secret-of-" + spec.name()).load(List.of(file)).profile();
    }

    private static Profile load(String name) {
        return load(PROFILES.resolve(name));
    }

    @ParameterizedTest
    @MethodSource("shippedProfiles")
    void loadsWithoutProblems(Path file) {
        assertThat(load(file).services()).isNotEmpty();
    }

    @Test
    void shipsTheProfilesTheImageAndTheReadmeName() throws IOException {
        assertThat(shippedProfiles().map(file -> file.getFileName().toString()))
                .contains("demo.yaml", "image.yaml", "hf-space.yaml", "railway.yaml");
    }

    @Test
    void hfSpaceGuardsItsSchemaAndStopsPostgresCleanly() {
        Profile profile = load("hf-space.yaml");

        assertThat(profile.services()).containsKeys("postgres-init", "postgres", "app-db", "schema", "redis", "migrate",
                "backend", "frontend");
        assertThat(profile.services().get("schema").kind()).isEqualTo(Kind.SCHEMA);
        assertThat(profile.services().get("schema").dependsOn()).containsKey("app-db");
        assertThat(profile.services().get("app-db").setup().role().name()).isEqualTo("app");
        assertThat(profile.services().get("app-db").setup().database()).isEqualTo("app");
        assertThat(((ProbeSpec.Postgres) profile.services().get("postgres").ready().probe()).accepting()).isTrue();
        assertThat(profile.services().values()).noneMatch(ServiceSpec::shell);
        assertThat(profile.services().get("postgres").stop().signal()).isEqualTo(Signal.INT);
        assertThat(profile.services().get("backend").user()).isEqualTo("app");
        assertThat(profile.services().get("frontend").required()).isFalse();
        assertThat(profile.directories()).extracting(DirectorySpec::path).contains(Path.of("/tmp/backend_logs"));
        assertThat(profile.control().listen()).isEqualTo("0.0.0.0:7860");
        assertThat(profile.control().hasToken()).isTrue();
    }

    @Test
    void railwayChecksProductionAgainstTheExternalDatabase() {
        Profile profile = load("railway.yaml");

        assertThat(profile.preflight().production()).isEqualTo("production");
        assertThat(profile.env()).containsEntry("DATABASE_URL", ENVIRONMENT.get("DATABASE_URL"))
                .containsEntry("PORT", "8000");
        assertThat(profile.services().get("schema").kind()).isEqualTo(Kind.SCHEMA);
        assertThat(profile.services()).doesNotContainKeys("postgres", "redis");
    }

    @Test
    void imageProfileIsTheDemoOnAPublicTokenProtectedControlPlane() {
        Profile profile = load("image.yaml");

        assertThat(profile.services().keySet()).containsAll(load("demo.yaml").services().keySet()).contains("schema");
        assertThat(profile.backups()).as("the database outlives a fresh disk as dumps in the bucket").containsKey("db");
        assertThat(profile.backups().get("db").to().toString()).isEqualTo("/data/bucket/backups");
        assertThat(profile.control().listen()).isEqualTo("0.0.0.0:7860");
        assertThat(profile.control().tokenEnv()).isEqualTo("MUSTER_TOKEN");
        assertThat(profile.secrets()).containsKeys("DB_PASSWORD", "MUSTER_TOKEN");
        assertThat(profile.services().get("backend").user()).isEqualTo("app");
    }
}
