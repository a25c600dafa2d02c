package dev.muster.profile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file rendered before any service starts; written atomically and only when its content changed.
 *
 * @param path    where to write it
 * @param content the interpolated content
 * @param mode    permissions (default 0644)
 * @param owner   a user name or {@code uid[:gid]}; null leaves ownership to muster's user
 * @param template the template file the content was rendered from, or null for {@code content:}; when it
 *                 did not exist at load time the content is empty and preflight reports it
 */
public record FileSpec(Path path, String content, FileMode mode, String owner, Path template) {
    public static final FileMode DEFAULT_MODE = new FileMode(0644);

    public FileSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        mode = mode == null ? DEFAULT_MODE : mode;
    }

    /** A file with literal {@code content}. */
    public FileSpec(Path path, String content, FileMode mode, String owner) {
        this(path, content, mode, owner, null);
    }
}
