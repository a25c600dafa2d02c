package dev.muster.profile;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Resolves a secret from the operator's environment before its file: {@code $ENV} when set, then the
 * file named by {@code $ENV_FILE} (read, surrounding whitespace stripped), then the
 * {@link SecretResolver} (the secret's own file, generated once). Failures name the variable or file.
 */
final class SecretSources implements SecretResolver {
    private static final long MAX_FILE = 64 * 1024;

    private final Map<String, String> environment;
    private final SecretResolver files;

    SecretSources(Map<String, String> environment, SecretResolver files) {
        this.environment = Map.copyOf(environment);
        this.files = files;
    }

    @Override
    public String resolve(SecretSpec spec) {
        if (spec.env() == null) {
            return files.resolve(spec);
        }
        String value = environment.get(spec.env());
        if (value != null) {
            if (value.isBlank()) {
                throw invalid(spec.env() + " is set but empty; give it the secret's value, or unset it so that "
                        + spec.env() + "_FILE or " + spec.file() + " is used");
            }
            return value.strip();
        }
        String file = environment.get(spec.env() + "_FILE");
        return file == null ? files.resolve(spec) : read(spec, Path.of(file));
    }

    private static String read(SecretSpec spec, Path file) {
        String variable = spec.env() + "_FILE";
        try {
            if (Files.size(file) > MAX_FILE) {
                throw invalid(variable + " names " + file + ", which is over 64 KiB; point it at the file that holds"
                        + " only the secret");
            }
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw invalid(variable + " names " + file + ", which is empty; write the secret into it, or unset "
                        + variable);
            }
            return value;
        } catch (IOException e) {
            throw invalid(variable + " names " + file + ", which cannot be read (" + e.getClass().getSimpleName()
                    + "); mount the secret there, or unset " + variable);
        }
    }

    private static MusterException invalid(String message) {
        return new MusterException(ExitCodes.INVALID_PROFILE, message);
    }
}
