package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.process.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The profiles of public all-in-one apps in {@code profiles/examples/} load, validate, and use keys instead of shell. */
class ExampleProfilesTest {
    private static final Path EXAMPLES = Path.of("profiles/examples");
    private static final Map<String, String> ENVIRONMENT = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static Profile load(String name, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(ENVIRONMENT);
        env.putAll(extra);
        return new ProfileLoader(env, spec -> "secret-of-" + spec.name()).load(List.of(EXAMPLES.resolve(name))).profile();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void loadsWithoutShellAndStopsPostgresWithInt(Path file) {
        Profile profile = load(file.getFileName().toString(), Map.of());

        assertThat(profile.services().values()).noneMatch(ServiceSpec::shell);
        assertThat(profile.services().values()).filteredOn(s -> s.kind() == Kind.DATABASE).hasSize(1);
        assertThat(profile.services().get("postgres").stop().signal()).isEqualTo(Signal.INT);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void satisfiesTheJsonSchemaEditorsUse(Path file) throws IOException {
        try (java.io.InputStream in = getClass().getResourceAsStream("/dev/muster/profile/profile.schema.json")) {
            var schema = com.networknt.schema.JsonSchemaFactory.getInstance(
                    com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(in);
            var tree = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(file.toFile());

            assertThat(schema.validate(tree)).isEmpty();
        }
    }

    @Test
    void shipsAtLeastTwoExamples() throws IOException {
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void paperlessRunsItsProcessesAsTheImageDoesWithFlowerOptional() {
        Profile profile = load("paperless-aio.yaml", Map.of("PAPERLESS_SECRET_KEY", "from-the-operator-0123"));

        assertThat(profile.services().get("worker").command())
                .containsExactly("celery", "--app", "paperless", "worker", "--loglevel", "INFO", "--without-mingle",
                        "--without-gossip");
        assertThat(profile.services().get("flower").enabled()).isFalse();
        assertThat(profile.services().get("migrate").timeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(profile.env()).containsEntry("PAPERLESS_SECRET_KEY", "from-the-operator-0123")
                .containsEntry("PAPERLESS_DBPASS", "secret-of-PAPERLESS_DBPASS");
        assertThat(profile.directories()).filteredOn(DirectorySpec::recursive).hasSize(2);
        assertThat(load("paperless-aio.yaml", Map.of("PAPERLESS_ENABLE_FLOWER", "true")).services().get("flower")
                .enabled()).isTrue();
    }

    @Test
    void n8nAddsRedisAndAWorkerOnlyInQueueMode() {
        Profile regular = load("n8n-aio.yaml", Map.of());
        Profile queue = load("n8n-aio.yaml", Map.of("N8N_WORKERS", "true", "EXECUTIONS_MODE", "queue"));

        assertThat(regular.services().get("worker").enabled()).isFalse();
        assertThat(regular.services().get("redis").enabled()).isFalse();
        assertThat(regular.env()).containsEntry("EXECUTIONS_MODE", "regular");
        assertThat(queue.services().get("worker").enabled()).isTrue();
        assertThat(queue.env()).containsEntry("EXECUTIONS_MODE", "queue");
        assertThat(queue.services().get("n8n-db").setup().role().password()).isEqualTo("secret-of-N8N_DB_PASSWORD");
    }
}
