package dev.muster.secret;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.profile.SecretResolver;
import dev.muster.profile.SecretSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Keeps generated secrets in files. A secret's file, when present, holds its value (surrounding
 * whitespace ignored). When absent, the generating store creates {@code bytes} random bytes as
 * lowercase hex and writes them atomically with mode 0600 (the temporary file is created 0600,
 * so the value is never readable by others, not even briefly); the read-only store, used by
 * {@code check} and {@code config}, writes nothing and answers {@link #PLACEHOLDER}, remembering
 * which secrets it answered so ({@link #missing()}).
 */
public final class SecretStore implements SecretResolver {
    /** The value the read-only store gives a secret that has not been generated yet. */
    public static final String PLACEHOLDER = "(generated at first up)";

    private final SecureRandom random;
    private final boolean generating;
    private final LinkedHashSet<String> missing = new LinkedHashSet<>();

    /** A generating store drawing on a new {@link SecureRandom}. */
    public SecretStore() {
        this(new SecureRandom(), true);
    }

    private SecretStore(SecureRandom random, boolean generating) {
        this.random = random;
        this.generating = generating;
    }

    /** A store that generates missing secrets with {@code random}. */
    public static SecretStore generating(SecureRandom random) {
        return new SecretStore(Objects.requireNonNull(random, "random"), true);
    }

    /** A store that reads existing secrets and never writes. */
    public static SecretStore readOnly() {
        return new SecretStore(null, false);
    }

    @Override
    public String resolve(SecretSpec spec) {
        Path file = spec.file();
        if (Files.exists(file)) {
            return read(spec);
        }
        if (!generating) {
            missing.add(spec.name());
            return PLACEHOLDER;
        }
        byte[] bytes = new byte[spec.bytes()];
        random.nextBytes(bytes);
        String value = HexFormat.of().formatHex(bytes);
        write(spec, value);
        return value;
    }

    /**
     * The names of the secrets this store answered with {@link #PLACEHOLDER} (no file yet), in the
     * order asked: empty when every secret it was asked for already has its value.
     */
    public List<String> missing() {
        return List.copyOf(missing);
    }

    private static String read(SecretSpec spec) {
        Path file = spec.file();
        String value;
        try {
            value = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new MusterException(ExitCodes.INVALID_PROFILE, "secret " + spec.name() + ": cannot read " + file
                    + " (" + e + "); make it a regular file readable by muster's user, or delete it to generate a new one", e);
        }
        if (value.isEmpty()) {
            throw new MusterException(ExitCodes.INVALID_PROFILE, "secret " + spec.name() + ": " + file
                    + " is empty; write the value into it, or delete it so that muster generates one");
        }
        return value;
    }

    private static void write(SecretSpec spec, String value) {
        Path file = spec.file().toAbsolutePath();
        Path directory = file.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, value + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            deleteQuietly(temporary);
            throw new MusterException(ExitCodes.INVALID_PROFILE, "secret " + spec.name() + ": cannot write "
                    + spec.file() + " (" + e + "); make " + directory + " writable by muster's user, or put the"
                    + " secret's file on a writable volume", e);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
        }
    }
}
