package dev.muster.profile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A directory that must exist before any service starts.
 *
 * @param path  absolute or relative to muster's working directory
 * @param owner a user name or {@code uid[:gid]}; null leaves ownership as it is
 * @param mode  permissions to apply, setuid/setgid/sticky included; null leaves them as created (umask)
 * @param recursive apply owner and mode to everything below too (symlinks not followed, at most
 *              {@link #MAX_RECURSIVE_ENTRIES} entries); files get the mode's read and write bits, and its
 *              execute bits only where they had one (as {@code chmod -R u=rwX} does), never setuid/setgid/sticky
 */
public record DirectorySpec(Path path, String owner, FileMode mode, boolean recursive) {
    /** The most entries a recursive directory may hold; more is an error, not a long walk. */
    public static final int MAX_RECURSIVE_ENTRIES = 100_000;

    public DirectorySpec {
        Objects.requireNonNull(path, "path");
    }

    /** A directory whose owner and mode apply to itself only. */
    public DirectorySpec(Path path, String owner, FileMode mode) {
        this(path, owner, mode, false);
    }
}
