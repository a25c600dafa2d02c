package dev.muster.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.process.UserId;
import dev.muster.process.Users;
import dev.muster.profile.FileMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recursive ownership and modes with setgid, on the real file system (ownership needs root). */
class TreeOwnershipTest {
    @TempDir
    Path dir;

    private static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    private static int uid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void setgidModeIsAppliedToADirectory() throws IOException {
        Path media = Files.createDirectory(dir.resolve("media"));

        assertThat(TreeOwnership.setMode(media, FileMode.parse("2775"))).isTrue();
        assertThat(mode(media)).isEqualTo(02775);
        assertThat(TreeOwnership.setMode(media, FileMode.parse("2775"))).isFalse();
    }

    @Test
    void recursiveOwnershipAndModeCoverTheTreeButNotSymlinkTargets() throws IOException {
        assumeTrue(new Users().current().uid() == 0, "changing owners needs root");
        UserId nobody = new Users().resolve("nobody");
        Path root = Files.createDirectories(dir.resolve("media/a/b"));
        Path data = Files.writeString(root.resolve("data.txt"), "x");
        Path script = Files.writeString(root.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path outside = Files.writeString(dir.resolve("outside.txt"), "keep");
        Files.createSymbolicLink(dir.resolve("media/link"), outside);

        List<String> changes = new TreeOwnership(nobody, FileMode.parse("2775"), 100).apply(dir.resolve("media"));

        assertThat(changes).containsExactly("owner " + nobody.describe() + " on 4 of 4 entries below",
                "mode 2775 on 4 of 4 entries below");
        assertThat(uid(data)).isEqualTo(nobody.uid());
        assertThat(mode(root)).isEqualTo(02775);
        assertThat(mode(data)).isEqualTo(0664);
        assertThat(mode(script)).isEqualTo(0775);
        assertThat(uid(outside)).isEqualTo(0);
        assertThat(new TreeOwnership(nobody, FileMode.parse("2775"), 100).apply(dir.resolve("media"))).isEmpty();
    }

    @Test
    void aTreeOverTheLimitIsRefusedBeforeAnythingChanges() throws IOException {
        Path root = Files.createDirectories(dir.resolve("big"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(root.resolve("f" + i), "x");
        }
        int before = mode(root.resolve("f0"));

        assertThatThrownBy(() -> new TreeOwnership(null, FileMode.parse("0700"), 3).apply(root))
                .isInstanceOfSatisfying(MusterException.class, e -> assertThat(e.exitCode())
                        .isEqualTo(ExitCodes.PREFLIGHT_FAILED))
                .hasMessage("directories: " + root + " has more than 3 entries, too many for recursive: true (nothing"
                        + " was changed); set the owner in the image (chown -R at build time) or point recursive at a"
                        + " smaller directory");
        assertThat(mode(root.resolve("f0"))).isEqualTo(before);
    }
}
