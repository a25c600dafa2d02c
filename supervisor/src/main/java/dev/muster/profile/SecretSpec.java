package dev.muster.profile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A secret muster generates once and keeps in a 0600 file, exported to every service as the
 * environment variable {@code name}.
 *
 * @param name  the environment variable name (the key under {@code secrets:})
 * @param file  where the value is kept
 * @param bytes how many random bytes to generate (default 32); the value is their hex form
 */
public record SecretSpec(String name, Path file, int bytes) {
    public static final int DEFAULT_BYTES = 32;

    public SecretSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be positive");
        }
    }
}
