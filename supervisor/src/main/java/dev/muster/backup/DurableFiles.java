package dev.muster.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Making a file durable on a directory that may be a bucket mount: write under a temporary name beside
 * the final one, fsync the file, rename it into place, fsync the directory (so the rename itself
 * survives a crash), then read back size and checksum. Where a file system refuses to fsync a
 * directory (some FUSE mounts), the rename is still the commit point and the read-back the proof.
 */
final class DurableFiles {
    private DurableFiles() {
    }

    /** The temporary name of {@code target}: hidden, beside it, never matched by the dump listing. */
    static Path temporary(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Syncs a directory's entries; a file system that cannot (EINVAL/EISDIR on some mounts) is tolerated. */
    static void fsyncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // The rename is still atomic there; the read-back below is what proves the file is readable.
        }
    }

    /** fsync {@code temporary}, rename it to {@code target}, fsync the directory. */
    static void commit(Path temporary, Path target) throws IOException {
        fsync(temporary);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(target.getParent() + " cannot rename atomically; dumps need a directory where"
                    + " rename(2) is atomic (a local volume, NFS, or a bucket mount that supports rename)", e);
        }
        fsyncDirectory(target.getParent());
    }

    /** Writes {@code bytes} durably to {@code target} (temporary name, fsync, rename, fsync directory). */
    static void write(Path target, byte[] bytes) throws IOException {
        Path temporary = temporary(target);
        Files.write(temporary, bytes);
        commit(temporary, target);
    }

    /** The lower-case hex SHA-256 of a file's content. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JRE has no SHA-256", e);
        }
    }
}
