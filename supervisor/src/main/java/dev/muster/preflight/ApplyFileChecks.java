package dev.muster.preflight;

import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks that the bootstrap file of every schema step ({@code apply:}) is a readable file before
 * anything starts, so a missing file is a preflight failure (exit 3) rather than a surprise after
 * PostgreSQL is already up. Relative paths are relative to muster's working directory.
 */
final class ApplyFileChecks {
    private final Path workDir;

    ApplyFileChecks(Path workDir) {
        this.workDir = workDir;
    }

    /** Adds one problem per schema step whose {@code apply:} file cannot be read. */
    void check(Profile profile, List<String> problems) {
        for (ServiceSpec spec : profile.services().values()) {
            if (spec.schema() == null) {
                continue;
            }
            Path file = workDir.resolve(spec.schema().apply()).normalize();
            String key = "services." + spec.name() + ".apply: ";
            if (Files.isDirectory(file)) {
                problems.add(key + file + " is a directory; name the SQL file inside it");
            } else if (!Files.exists(file)) {
                problems.add(key + file + " does not exist; put the bootstrap SQL file in the image or fix apply:");
            } else if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                problems.add(key + file + " cannot be read by muster's user; fix its permissions (chmod a+r)");
            }
        }
    }
}
