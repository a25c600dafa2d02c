package dev.muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaCommandTest {
    private static final Path PROFILES = Path.of("profiles");

    @Test
    void printsAJsonSchemaOfTheProfileFormat() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of(), "schema");

        JsonNode schema = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/services/additionalProperties/properties").has("depends_on")).isTrue();
    }

    @Test
    void everyShippedProfileSatisfiesTheSchema() throws Exception {
        JsonSchema schema = schema();
        List<Path> profiles;
        try (Stream<Path> files = Files.list(PROFILES)) {
            profiles = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(profiles).isNotEmpty();
        for (Path profile : profiles) {
            Set<ValidationMessage> problems = schema.validate(new YAMLMapper().readTree(profile.toFile()));
            assertThat(problems).as(profile.toString()).isEmpty();
        }
    }

    @Test
    void aMisspelledKeyBreaksTheSchemaAsItBreaksTheLoader() throws Exception {
        JsonNode profile = new YAMLMapper().readTree("version: 1\nservices:\n  web:\n    command: [run]\n    depend_on: [db]\n");

        assertThat(schema().validate(profile)).extracting(ValidationMessage::getMessage)
                .anyMatch(message -> message.contains("depend_on"));
    }

    private static JsonSchema schema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SchemaCommand.text());
    }
}
