package dev.muster.profile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A service's log file with size-based rotation: when {@code file} would exceed {@code maxSize}
 * it becomes {@code file.1}, the older ones shift up, and at most {@code keep} old files remain.
 *
 * @param file    the log file; its directory is created if missing
 * @param maxSize bytes (default 10 MB)
 * @param keep    rotated files kept (default 3)
 */
public record LogSpec(Path file, long maxSize, int keep) {
    public static final long DEFAULT_MAX_SIZE = 10L * 1024 * 1024;
    public static final int DEFAULT_KEEP = 3;

    public LogSpec {
        Objects.requireNonNull(file, "file");
        if (maxSize < 1 || keep < 0) {
            throw new IllegalArgumentException("max_size must be positive and keep not negative");
        }
    }
}
