package dev.muster.profile;

import java.util.Objects;

/**
 * One thing wrong with a profile.
 *
 * @param location where it was written
 * @param path     the YAML path, such as {@code services.backend.ready.timeout}; empty for the file itself
 * @param message  what is wrong and the fix, separated by "; "
 */
record Problem(SourceLocation location, String path, String message) {
    Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
