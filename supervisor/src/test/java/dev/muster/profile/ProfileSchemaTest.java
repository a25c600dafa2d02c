package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema and the loader agree: the schema's {@code $defs} are the loader's own
 * definitions ({@link ProfileFormat}), and each value the loader rejects the schema rejects too,
 * while both accept the good ones.
 */
class ProfileSchemaTest {
    private static final String RESOURCE = "/dev/muster/profile/profile.schema.json";
    private static final Path SOURCE = Path.of("supervisor/src/main/resources" + RESOURCE);
    private static final Path GENERATED = Path.of("target/generated-profile.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static ObjectNode schemaTree() throws IOException {
        try (InputStream in = ProfileSchemaTest.class.getResourceAsStream(RESOURCE)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree());
    }

    /** Prints as the schema file is written: two-space indents, one array element a line, "key": value. */
    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("").withObjectEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    @Test
    void schemaDefinitionsAreTheLoadersDefinitions() throws IOException {
        ObjectNode schema = schemaTree();
        if (!ProfileFormat.schemaDefinitions().equals(schema.get("$defs"))) {
            schema.set("$defs", ProfileFormat.schemaDefinitions());
            Files.createDirectories(GENERATED.getParent());
            Files.writeString(GENERATED, JSON.writer(printer()).writeValueAsString(schema) + "\n");
            fail("the $defs of " + SOURCE + " differ from ProfileFormat.schemaDefinitions(); the schema with the"
                    + " loader's definitions is in " + GENERATED + ": review it and copy it over " + SOURCE);
        }
    }

    @Test
    void everyReferenceNamesADefinitionAndEveryEnumerationIsShared() throws IOException {
        String text = schemaTree().toString();
        Matcher refs = Pattern.compile("\"#/\\$defs/([a-z_]+)\"").matcher(text);
        List<String> names = new ArrayList<>();
        while (refs.find()) {
            names.add(refs.group(1));
        }
        assertThat(names).isNotEmpty().allMatch(name -> ProfileFormat.schemaDefinitions().has(name));
        JsonNode ready = schemaTree().at("/properties/services/additionalProperties/properties/ready/properties");
        assertThat(ready.fieldNames()).toIterable().containsAll(ProfileFormat.probeKinds());
        assertThat(java.util.Set.copyOf(ProfileFormat.sslModes())).isEqualTo(DatabaseSpec.SSL_MODES);
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("duration", "ready: { tcp: 8000, timeout: 3x }", "ready: { tcp: 8000, timeout: 1m30s }"),
                Arguments.of("duration", "ready: { tcp: 8000, interval: 5 s }", "ready: { tcp: 8000, interval: 500ms }"),
                Arguments.of("duration", "stop: { timeout: 10sec }", "stop: { timeout: 45 }"),
                Arguments.of("size", "log: { file: /tmp/a.log, max_size: 10QB }", "log: { file: /tmp/a.log, max_size: 10MB }"),
                Arguments.of("size", "log: { file: /tmp/a.log, max_size: \"0\" }", "log: { file: /tmp/a.log, max_size: 1GiB }"),
                Arguments.of("size", "log: { file: /tmp/a.log, max_size: 5 TB }", "log: { file: /tmp/a.log, max_size: 512k }"),
                Arguments.of("signal", "stop: { signal: TERMINATE }", "stop: { signal: TERM }"),
                Arguments.of("signal", "stop: { signal: SIGFOO }", "stop: { signal: sigint }"),
                Arguments.of("signal", "stop: { signal: 99 }", "stop: { signal: 15 }"),
                Arguments.of("port", "ready: { tcp: 99999 }", "ready: { tcp: 5432 }"),
                Arguments.of("port", "ready: { tcp: { port: 99999 } }", "ready: { tcp: { port: \"8080\" } }"),
                Arguments.of("port", "ready: { tcp: 0 }", "ready: { tcp: \"${APP_PORT:-8080}\" }"),
                Arguments.of("port", "ready: { postgres: { port: 70000 } }", "ready: { postgres: { port: 5432 } }"),
                Arguments.of("command", "command: run the server", "command: run the server\n    shell: true"),
                Arguments.of("command", "ready: { exec: pg_isready }", "ready: { exec: [pg_isready, -q] }"),
                Arguments.of("command", "ready: { exec: { command: \"pg_isready -q\" } }",
                        "ready: { exec: { command: \"pg_isready -q\", shell: true } }"),
                Arguments.of("restart", "restart: sometimes", "restart: on-failure"),
                Arguments.of("restart", "restart: { policy: never }", "restart: { policy: always, backoff: { initial: 1s, max: 30s } }"),
                Arguments.of("condition", "depends_on: { init: finished }", "depends_on: { init: completed }"));
    }

    private String profile(String serviceLines) {
        String service = serviceLines.startsWith("command:") ? serviceLines : "command: [app]\n    " + serviceLines;
        return "version: 1\nservices:\n  init: { kind: task, command: [\"true\"] }\n  app:\n    " + service + "\n";
    }

    @ParameterizedTest(name = "{0}: {1} | {2}")
    @MethodSource("values")
    void loaderAndSchemaRejectAndAcceptTheSameValues(String what, String bad, String good) throws IOException {
        ProfileFixture fixture = new ProfileFixture(dir);
        JsonSchema schema = schema();

        fixture.write("bad.yaml", profile(bad));
        fixture.write("good.yaml", profile(good));

        assertThat(fixture.problems("bad.yaml")).as("the loader rejects " + bad).contains("services.app.");
        assertThat(schema.validate(new YAMLMapper().readTree(profile(bad)))).as("the schema rejects " + bad).isNotEmpty();
        assertThatCode(() -> fixture.load("good.yaml")).as("the loader accepts " + good).doesNotThrowAnyException();
        assertThat(schema.validate(new YAMLMapper().readTree(profile(good)))).as("the schema accepts " + good).isEmpty();
    }

    @Test
    void portsOfPreflightAreCheckedAlike() throws IOException {
        ProfileFixture fixture = new ProfileFixture(dir);
        String bad = "version: 1\npreflight: { ports: [5432, 99999] }\nservices:\n  a: { command: [a] }\n";
        String good = "version: 1\npreflight: { ports: [5432, \"8000\"] }\nservices:\n  a: { command: [a] }\n";
        fixture.write("bad.yaml", bad);
        fixture.write("good.yaml", good);

        assertThat(fixture.problems("bad.yaml")).contains("preflight.ports");
        assertThat(schema().validate(new YAMLMapper().readTree(bad))).isNotEmpty();
        assertThat(fixture.profile("good.yaml").preflight().ports()).containsExactly(5432, 8000);
        assertThat(schema().validate(new YAMLMapper().readTree(good))).isEmpty();
    }
}
