package dev.muster.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
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

/** {@code muster config}: the effective profile after extends, overlays and interpolation, secrets redacted. */
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
            streams.out().print(mapper.writeValueAsString(Redactor.forProfile(loaded.profile()).redact(loaded.effective())));
        } catch (JsonProcessingException e) {
            throw new MusterException(ExitCodes.INVALID_PROFILE, "cannot print the profile: " + e.getOriginalMessage());
        }
        return ExitCodes.OK;
    }
}
