package dev.muster.profile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A secret exported to every service as the environment variable {@code name}. Its value is, in
 * this order: muster's environment variable {@code env} when set; the content of the file named by
 * {@code env}_FILE when that is set (the Docker convention for mounted secrets); else the content of
 * {@code file}, which muster generates once (after preflight passed) and keeps with mode 0600.
 *
 * @param name  the environment variable name (the key under {@code secrets:})
 * @param file  where the generated value is kept
 * @param bytes how many random bytes to generate (default 32); the value is their hex form
 * @param env   the variable that wins when set, and whose {@code _FILE} variant is read; null for neither
 */
public record SecretSpec(String name, Path file, int bytes, String env) {
    public static final int DEFAULT_BYTES = 32;

    public SecretSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be positive");
        }
    }

    /** A secret that is only ever generated into {@code file}. */
    public SecretSpec(String name, Path file, int bytes) {
        this(name, file, bytes, null);
    }
}
