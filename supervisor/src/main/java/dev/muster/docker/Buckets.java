package dev.muster.docker;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The host directory {@code muster reproduce --ephemeral} mounts as a container's bucket when none is
 * given: made world-writable (mode 0777), since the image may run as any uid (a Space runs uid 1000),
 * and removed with everything in it at the end.
 */
final class Buckets {
    private Buckets() {
    }

    /** A new, empty, world-writable directory under the system's temporary directory. */
    static Path temporary() {
        try {
            Path dir = Files.createTempDirectory("muster-reproduce-bucket-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            return dir;
        } catch (IOException e) {
            throw new MusterException(ExitCodes.PREFLIGHT_FAILED, "reproduce: cannot make a bucket directory in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage() + "; pass --bucket DIR (mode 0777)", e);
        }
    }

    /** Removes {@code dir} and its contents; says so when it cannot (files of another uid, for one). */
    static void remove(Path dir, PrintStream out) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException | UncheckedIOException e) {
            out.println("reproduce: could not remove the bucket " + dir + ": " + e.getMessage() + "; remove it with rm -rf " + dir);
        }
    }
}
