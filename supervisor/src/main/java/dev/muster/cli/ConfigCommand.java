package dev.muster.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.profile.LoadedProfile;
import dev.muster.secret.Redactor;
import dev.muster.secret.SecretStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code muster config}: the effective profile after extends, overlays and interpolation, secrets
 * redacted. The output is itself a profile that loads to the same values: every {@code $} of an
 * interpolated value is written as {@code $$}, so a literal {@code ${...}} (written {@code $${...}})
 * is not expanded again. The loader's notes are printed first as YAML comments.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective, merged, interpolated profile with secrets redacted.")
final class ConfigCommand implements Callable<Integer> {
    private final Streams streams;

    @Mixin
    ProfileOptions profiles;

    ConfigCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        LoadedProfile loaded = Profiles.load(streams, profiles.files(), SecretStore.readOnly());
        YAMLMapper mapper = new YAMLMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build());
        loaded.notes().forEach(note -> streams.out().println("# note: " + note));
        try {
            streams.out().print(mapper.writeValueAsString(escapeDollars(
                    Redactor.forProfile(loaded.profile()).redact(loaded.effective()))));
        } catch (JsonProcessingException e) {
            throw new MusterException(ExitCodes.INVALID_PROFILE, "cannot print the profile: " + e.getOriginalMessage());
        }
        return ExitCodes.OK;
    }

    /** {@code node} with every {@code $} of its text values doubled, so that loading it again yields the values. */
    static JsonNode escapeDollars(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(node.textValue().replace("$", "$$"));
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.properties().forEach(e -> copy.set(e.getKey(), escapeDollars(e.getValue())));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(element -> copy.add(escapeDollars(element)));
            return copy;
        }
        return node;
    }
}
