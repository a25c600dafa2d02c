package dev.muster.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the file a command name runs, the way execvp(3) would: a name with a slash is a path
 * (relative to the working directory), anything else is searched on PATH.
 */
public final class Executables {

    /**
     * @param command the program as written in the profile
     * @param path    the PATH the child will see
     * @param cwd     the child's working directory, for names with a slash
     */
    public Optional<Path> resolve(String command, String path, Path cwd) {
        if (command.isEmpty()) {
            return Optional.empty();
        }
        if (command.contains("/")) {
            Path file = cwd.resolve(command).toAbsolutePath().normalize();
            return isExecutable(file) ? Optional.of(file) : Optional.empty();
        }
        for (String dir : (path == null ? "" : path).split(":")) {
            Path file = cwd.resolve(dir.isEmpty() ? "." : dir).resolve(command).toAbsolutePath().normalize();
            if (isExecutable(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
