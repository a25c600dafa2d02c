package dev.muster.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of one dump name found in a backup directory; any of them may be missing (a writer that
 * was killed, a bucket that has not caught up yet).
 *
 * @param name      the shared name
 * @param directory where the files are
 */
record DumpSet(DumpName name, Path directory) {
    Path dump() {
        return name.dump(directory);
    }

    Path roles() {
        return name.roles(directory);
    }

    Path manifest() {
        return name.manifest(directory);
    }

    /** The files of this dump that exist. */
    List<Path> existing() {
        List<Path> files = new ArrayList<>();
        for (Path file : List.of(dump(), roles(), manifest())) {
            if (Files.exists(file)) {
                files.add(file);
            }
        }
        return files;
    }
}
