package dev.muster.prepare;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.process.UserId;
import dev.muster.process.Users;
import dev.muster.profile.DirectorySpec;
import dev.muster.profile.FileMode;
import dev.muster.profile.FileSpec;
import dev.muster.profile.Profile;
import dev.muster.profile.SecretSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Creates the profile's directories and renders its files before any service starts, so a
 * service never crashes on a missing log directory. Idempotent: a second run changes nothing.
 * Files are written atomically (temp file, then rename) and only when their content changed. A
 * file whose mode is looser than wanted (a secret's file, or a rendered file that holds a secret,
 * found readable by other users) is tightened with a warning that names it.
 */
public final class Preparer {
    private static final FileMode SECRET_MODE = FileMode.parse("0600");
    private final Users users;
    private final Consumer<String> report;

    /** @param report receives one line per change made */
    public Preparer(Users users, Consumer<String> report) {
        this.users = users;
        this.report = report;
    }

    public void prepare(Profile profile) {
        for (SecretSpec secret : profile.secrets().values()) {
            if (secret.file() != null) {
                run("secrets", secret.file(), () -> secretFile(secret));
            }
        }
        for (DirectorySpec dir : profile.directories()) {
            run("directories", dir.path(), () -> directory(dir));
        }
        for (FileSpec file : profile.files()) {
            run("files", file.path(), () -> file(file));
        }
    }

    private void directory(DirectorySpec spec) throws IOException {
        Path path = spec.path();
        List<String> changes = new ArrayList<>();
        if (!Files.isDirectory(path)) {
            Files.createDirectories(path);
            changes.add("created");
        }
        applyOwner(path, spec.owner(), changes);
        applyMode(path, spec.mode(), changes);
        if (spec.recursive()) {
            UserId owner = spec.owner() == null ? null : users.resolve(spec.owner());
            changes.addAll(new TreeOwnership(owner, spec.mode(), DirectorySpec.MAX_RECURSIVE_ENTRIES).apply(path));
        }
        if (!changes.isEmpty()) {
            report.accept("prepared directory " + path + ": " + String.join(", ", changes));
        }
    }

    private void file(FileSpec spec) throws IOException {
        Path path = spec.path();
        byte[] content = spec.content().getBytes(StandardCharsets.UTF_8);
        List<String> changes = new ArrayList<>();
        boolean existed = Files.isRegularFile(path);
        if (!existed || !Arrays.equals(Files.readAllBytes(path), content)) {
            writeAtomically(path, content, spec.mode());
            changes.add(existed ? "rewritten (content changed)" : "created");
        }
        applyOwner(path, spec.owner(), changes);
        applyMode(path, spec.mode(), changes);
        if (!changes.isEmpty()) {
            report.accept("prepared file " + path + ": " + String.join(", ", changes));
        }
    }

    /** A secret's file that group or others may read is tightened to 0600, with a warning naming it. */
    private void secretFile(SecretSpec spec) throws IOException {
        Path path = spec.file();
        if (!Files.isRegularFile(path)) {
            return;
        }
        Set<PosixFilePermission> found = Files.getPosixFilePermissions(path);
        if (exposed(found, SECRET_MODE)) {
            Files.setPosixFilePermissions(path, SECRET_MODE.permissions());
            report.accept("warning: secret " + spec.name() + ": " + path + " was " + PosixFilePermissions.toString(found)
                    + ", readable by other users; tightened to " + SECRET_MODE);
        }
    }

    private static void writeAtomically(Path path, byte[] content, FileMode mode) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(mode.permissions()));
        try {
            Files.setPosixFilePermissions(temp, mode.permissions());
            Files.write(temp, content);
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Applied after the owner: chown clears setuid and setgid. */
    private static void applyMode(Path path, FileMode mode, List<String> changes) throws IOException {
        if (mode == null) {
            return;
        }
        Set<PosixFilePermission> found = Files.getPosixFilePermissions(path);
        if (TreeOwnership.setMode(path, mode)) {
            changes.add(exposed(found, mode)
                    ? "mode " + mode + " (warning: it was " + PosixFilePermissions.toString(found)
                            + ", readable by other users; tightened)"
                    : "mode " + mode);
        }
    }

    /** True when {@code found} let group or others read what {@code wanted} hides from them. */
    private static boolean exposed(Set<PosixFilePermission> found, FileMode wanted) {
        return Stream.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ)
                .anyMatch(p -> found.contains(p) && !wanted.permissions().contains(p));
    }

    private void applyOwner(Path path, String owner, List<String> changes) throws IOException {
        if (owner == null) {
            return;
        }
        UserId user = users.resolve(owner);
        int uid = (Integer) Files.getAttribute(path, "unix:uid");
        int gid = (Integer) Files.getAttribute(path, "unix:gid");
        if (uid != user.uid() || gid != user.gid()) {
            Files.setAttribute(path, "unix:uid", user.uid());
            Files.setAttribute(path, "unix:gid", user.gid());
            changes.add("owner " + user.describe());
        }
    }

    private static void run(String key, Path path, Step step) {
        try {
            step.run();
        } catch (IOException | UnsupportedOperationException e) {
            throw new MusterException(ExitCodes.PREFLIGHT_FAILED, key + ": cannot prepare " + path + ": " + e
                    + "; check that muster may write there (it runs as root in the image) and that the volume is mounted");
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }
}
