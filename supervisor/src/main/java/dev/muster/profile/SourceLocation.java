package dev.muster.profile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where something was written: a profile file and a 1-based line.
 *
 * @param file the file as named on the command line or resolved from {@code extends}
 * @param line 1-based line number; 0 when the problem concerns the file as a whole
 */
record SourceLocation(Path file, int line) {
    SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file.toString();
    }
}
