package dev.muster.profile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A directory that must exist before any service starts.
 *
 * @param path  absolute or relative to muster's working directory
 * @param owner a user name or {@code uid[:gid]}; null leaves ownership as it is
 * @param mode  permissions to apply; null leaves them as created (umask)
 */
public record DirectorySpec(Path path, String owner, FileMode mode) {
    public DirectorySpec {
        Objects.requireNonNull(path, "path");
    }
}
