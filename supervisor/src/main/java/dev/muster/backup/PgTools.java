package dev.muster.backup;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.process.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds PostgreSQL's client programs ({@code pg_dump}, {@code pg_dumpall}, {@code pg_restore}): first on
 * PATH (the profile's, else muster's), then in the newest {@code /usr/lib/postgresql/N/bin} (Debian's
 * layout, which the image uses). pg_dump must be at least the server's major version; a mismatch is
 * reported by pg_dump itself ("server version mismatch") and surfaces as a failed dump.
 */
final class PgTools {
    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");

    private final String path;
    private final Executables executables;
    private final Path versions;

    /** @param path the PATH to search first */
    PgTools(String path) {
        this(path, new Executables(), DEBIAN);
    }

    PgTools(String path, Executables executables, Path versions) {
        this.path = path;
        this.executables = executables;
        this.versions = versions;
    }

    /** The program's file. @throws MusterException (exit 1) saying how to install it */
    Path find(String program) {
        Optional<Path> onPath = executables.resolve(program, path, Path.of("/"));
        if (onPath.isPresent()) {
            return onPath.get();
        }
        return newestInstalled(program).orElseThrow(() -> new MusterException(ExitCodes.SERVICE_FAILED,
                program + " was not found on PATH (" + path + ") nor under " + versions + "/*/bin; backups need"
                + " PostgreSQL's client programs: install postgresql-client (apt-get install postgresql-client-15)"));
    }

    private Optional<Path> newestInstalled(String program) {
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d+"))
                    .sorted(Comparator.comparingInt((Path d) -> Integer.parseInt(d.getFileName().toString())).reversed())
                    .map(d -> d.resolve("bin").resolve(program))
                    .filter(Files::isExecutable).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
