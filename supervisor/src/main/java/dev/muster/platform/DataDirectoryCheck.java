package dev.muster.platform;

import dev.muster.profile.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Preflight for PostgreSQL data directories: refuses one on NFS, FUSE (bucket mounts such as hf-mount)
 * or another network file system, where missing {@code flock}, lost fsyncs and eventual consistency
 * corrupt a cluster, and one on a disk with less than {@link #MIN_FREE} bytes free. A directory that
 * does not exist yet is judged by its nearest existing parent.
 */
public final class DataDirectoryCheck {
    /** The least free space a data directory's disk needs: WAL segments and a checkpoint's worth. */
    public static final long MIN_FREE = 256L * 1024 * 1024;

    private final MountTable mounts;
    private final ToLongFunction<Path> usableBytes;

    /** @param usableBytes the bytes an unprivileged writer can still use on the disk of an existing path */
    public DataDirectoryCheck(MountTable mounts, ToLongFunction<Path> usableBytes) {
        this.mounts = mounts;
        this.usableBytes = usableBytes;
    }

    /** On this machine: {@code /proc/self/mountinfo} and the file store's usable space. */
    public static DataDirectoryCheck onThisMachine() {
        return new DataDirectoryCheck(MountTable.read(), path -> {
            try {
                return Files.getFileStore(path).getUsableSpace();
            } catch (IOException e) {
                return Long.MAX_VALUE;
            }
        });
    }

    /** One sentence per problem, each with the fix. */
    public List<String> problems(Profile profile) {
        List<String> problems = new ArrayList<>();
        for (Path dir : DataDirectories.of(profile)) {
            Path existing = existingAncestor(dir);
            Optional<Mount> mount = mounts.mountOf(resolved(dir));
            if (mount.isPresent() && mount.get().isNetworkOrFuse()) {
                problems.add("PostgreSQL's data directory " + dir + " is on " + mount.get().describe() + ": a network or"
                        + " FUSE file system (no reliable locking or fsync, eventual consistency) corrupts a cluster. Put"
                        + " the data directory on local disk (e.g. /tmp/pg or /var/lib/postgresql/data) and keep the data"
                        + " on " + mount.get().mountPoint() + " as dumps with backups: { to: " + mount.get().mountPoint()
                        + "/backups }");
            }
            long free = usableBytes.applyAsLong(existing);
            if (free < MIN_FREE) {
                problems.add("PostgreSQL's data directory " + dir + " has only " + free / (1024 * 1024) + " MB free on its"
                        + " disk (" + existing + "); PostgreSQL needs at least " + MIN_FREE / (1024 * 1024) + " MB for WAL"
                        + " and checkpoints. Free space there, or move the data directory to a larger disk");
            }
        }
        return problems;
    }

    /** The nearest existing parent of {@code dir} (itself if it exists), symbolic links resolved. */
    static Path existingAncestor(Path dir) {
        Path current = dir.toAbsolutePath().normalize();
        while (current != null && !Files.exists(current)) {
            current = current.getParent();
        }
        if (current == null) {
            return Path.of("/");
        }
        try {
            return current.toRealPath();
        } catch (IOException e) {
            return current;
        }
    }

    /** {@code dir} with the links of its existing part resolved: where its files will really be. */
    static Path resolved(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        return existingAncestor(existing).resolve(existing.relativize(absolute));
    }
}
