package dev.muster.prepare;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.process.UserId;
import dev.muster.profile.FileMode;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a recursive directory's owner and mode to everything below it, as {@code chown -R} and
 * {@code chmod -R} would, bounded: symlinks are neither followed nor changed, and a tree of more
 * than {@code limit} entries is refused before anything is changed. Directories get the mode as
 * written (setgid included); regular files its read and write bits, and its execute bits only when
 * they were executable. Reports counts, not names.
 */
final class TreeOwnership {
    private final UserId owner;
    private final FileMode mode;
    private final int limit;

    /** @param owner null leaves owners; @param mode null leaves modes */
    TreeOwnership(UserId owner, FileMode mode, int limit) {
        this.owner = owner;
        this.mode = mode;
        this.limit = limit;
    }

    /** The changes below {@code root} (not counting root itself), such as "owner app on 12 of 40 entries". */
    List<String> apply(Path root) throws IOException {
        List<Path> entries = entries(root);
        int owned = 0;
        int moded = 0;
        for (Path entry : entries) {
            if (owner != null && setOwner(entry)) {
                owned++;
            }
            if (mode != null && setMode(entry, Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? mode
                    : mode.forFile(isExecutable(entry)))) {
                moded++;
            }
        }
        List<String> changes = new ArrayList<>();
        if (owned > 0) {
            changes.add("owner " + owner.describe() + " on " + owned + " of " + entries.size() + " entries below");
        }
        if (moded > 0) {
            changes.add("mode " + mode + " on " + moded + " of " + entries.size() + " entries below");
        }
        return changes;
    }

    private List<Path> entries(Path root) throws IOException {
        List<Path> entries = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return add(dir, attrs);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                return add(file, attrs);
            }

            private FileVisitResult add(Path path, BasicFileAttributes attrs) {
                if (path.equals(root) || !(attrs.isDirectory() || attrs.isRegularFile())) {
                    return FileVisitResult.CONTINUE;
                }
                if (entries.size() >= limit) {
                    throw new MusterException(ExitCodes.PREFLIGHT_FAILED, "directories: " + root + " has more than "
                            + limit + " entries, too many for recursive: true (nothing was changed); set the owner"
                            + " in the image (chown -R at build time) or point recursive at a smaller directory");
                }
                entries.add(path);
                return FileVisitResult.CONTINUE;
            }
        });
        return entries;
    }

    private boolean setOwner(Path path) throws IOException {
        int uid = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int gid = (Integer) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        if (uid == owner.uid() && gid == owner.gid()) {
            return false;
        }
        Files.setAttribute(path, "unix:uid", owner.uid(), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", owner.gid(), LinkOption.NOFOLLOW_LINKS);
        return true;
    }

    private static boolean isExecutable(Path file) throws IOException {
        return (mode(file) & 0111) != 0;
    }

    private static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    /** Sets {@code mode} (setuid/setgid/sticky included) when it differs; whether it changed. */
    static boolean setMode(Path path, FileMode mode) throws IOException {
        if (mode(path) == mode.bits()) {
            return false;
        }
        Files.setAttribute(path, "unix:mode", mode.bits(), LinkOption.NOFOLLOW_LINKS);
        return true;
    }
}
