package dev.muster.export;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.profile.SecretSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of a split stack's secrets, shared by all of its containers: {@code DIR/secrets/NAME},
 * generated once (as muster generates a secret on one machine: hex of {@code bytes} random bytes,
 * mode 0600) and kept, so exporting again never changes a password. Replace a file with your own
 * value before the first deploy if you prefer.
 */
public final class SecretFiles {
    public static final String DIRECTORY = "secrets";

    private final Path directory;
    private final SecureRandom random;

    public SecretFiles(Path outputDir, SecureRandom random) {
        this.directory = outputDir.resolve(DIRECTORY);
        this.random = random;
    }

    /** The file of {@code spec}, relative to the output directory: {@code secrets/DB_PASSWORD}. */
    public static String relative(SecretSpec spec) {
        return DIRECTORY + "/" + spec.name();
    }

    /** Makes sure every secret has its file; returns the values by name. */
    public Map<String, String> ensure(Map<String, SecretSpec> secrets) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (SecretSpec spec : secrets.values()) {
                Path file = directory.resolve(spec.name());
                if (!Files.exists(file)) {
                    Files.createDirectories(directory);
                    byte[] bytes = new byte[spec.bytes()];
                    random.nextBytes(bytes);
                    Files.writeString(file, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.UTF_8);
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
                values.put(spec.name(), Files.readString(file, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new MusterException(ExitCodes.SERVICE_FAILED, "export: cannot write the secrets under " + directory
                    + " (" + e.getMessage() + "); choose a writable -o DIR", e);
        }
        return values;
    }
}
