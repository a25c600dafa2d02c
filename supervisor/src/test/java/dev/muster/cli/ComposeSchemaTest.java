package dev.muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The files {@code muster export compose} writes are valid against the Compose Specification's
 * JSON Schema (a copy under {@code src/test/resources/compose-spec/}, see its SOURCE.md), the
 * check Compose itself makes before it reads a file; no Compose CLI is installed here.
 * {@code docker stack deploy} reading stack.yaml is {@code SwarmStackIT}'s part.
 */
class ComposeSchemaTest {
    private static final ObjectMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;

    /** Read from the classpath, so its relative {@code $id} (compose_spec.json) resolves against that location. */
    private static JsonSchema schema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));
    }

    @ParameterizedTest(name = "{1} of {0}")
    @CsvSource({"demo, compose.yaml", "demo, stack.yaml", "hf-space, compose.yaml", "hf-space, stack.yaml",
        "split, compose.yaml", "split, stack.yaml"})
    void exportIsValidAgainstTheComposeSpecification(String profile, String file) throws IOException {
        assertThat(ExportGoldenTest.export("compose", profile, dir)).isZero();
        JsonNode written = YAML.readTree(dir.resolve(file).toFile());

        Set<ValidationMessage> problems = schema().validate(written);

        assertThat(problems).as("%s of %s against compose-spec.json", file, profile).isEmpty();
        assertThat(written.path("services").size()).as("services of %s", file).isPositive();
    }

    @Test
    void schemaRejectsWhatComposeWouldReject() throws IOException {
        assertThat(ExportGoldenTest.export("compose", "split", dir)).isZero();
        ObjectNode written = (ObjectNode) YAML.readTree(dir.resolve("compose.yaml").toFile());
        ObjectNode postgres = (ObjectNode) written.path("services").path("postgres");
        postgres.put("stop_grace_period", 35);
        postgres.putObject("healthcheck").putArray("retries").add(3);
        postgres.put("restart_policy", "on-failure");

        Set<ValidationMessage> problems = schema().validate(written);

        assertThat(problems).extracting(ValidationMessage::getInstanceLocation).map(Object::toString)
                .contains("$.services.postgres.stop_grace_period", "$.services.postgres.healthcheck.retries")
                .anyMatch(location -> location.equals("$.services.postgres"));
    }
}
