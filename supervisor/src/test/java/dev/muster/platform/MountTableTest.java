package dev.muster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MountTableTest {
    static final String MOUNTINFO = """
            22 1 0:21 / / rw,relatime - overlay overlay rw,lowerdir=/l,upperdir=/u,workdir=/w
            23 22 0:22 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw
            30 22 253:1 /volumes/data /data rw,relatime - ext4 /dev/vda1 rw
            31 22 0:40 / /mnt/nfs rw,relatime shared:5 - nfs4 10.0.0.5:/export rw,vers=4.2
            32 22 0:41 / /data/bucket rw,nosuid,nodev,relatime - fuse.hf-mount hf-mount rw,user_id=1000
            33 22 0:42 / /mnt/with\\040space rw - ext4 /dev/vdb rw
            """;

    @Test
    void findsTheLongestMountPointThatHoldsAPath() {
        MountTable table = MountTable.parse(MOUNTINFO);

        assertThat(table.mountOf(Path.of("/data/pg")).orElseThrow().fsType()).isEqualTo("ext4");
        assertThat(table.mountOf(Path.of("/data/bucket/backups")).orElseThrow().fsType()).isEqualTo("fuse.hf-mount");
        assertThat(table.mountOf(Path.of("/mnt/nfs/pg")).orElseThrow().source()).isEqualTo("10.0.0.5:/export");
        assertThat(table.mountOf(Path.of("/var/lib/postgresql")).orElseThrow().isContainerLayer()).isTrue();
        assertThat(table.mountOf(Path.of("/databank")).orElseThrow().mountPoint()).isEqualTo(Path.of("/"));
    }

    @Test
    void decodesOctalEscapesInMountPoints() {
        assertThat(MountTable.parse(MOUNTINFO).mountOf(Path.of("/mnt/with space/pg")).orElseThrow().source())
                .isEqualTo("/dev/vdb");
    }

    @Test
    void tellsNetworkAndFuseFileSystemsFromLocalOnes() {
        assertThat(new Mount(Path.of("/a"), "nfs4", "s:/x").isNetworkOrFuse()).isTrue();
        assertThat(new Mount(Path.of("/a"), "fuse.s3fs", "s3fs").isNetworkOrFuse()).isTrue();
        assertThat(new Mount(Path.of("/a"), "cifs", "//s/x").isNetworkOrFuse()).isTrue();
        assertThat(new Mount(Path.of("/a"), "ext4", "/dev/vda").isNetworkOrFuse()).isFalse();
        assertThat(new Mount(Path.of("/a"), "overlay", "overlay").isNetworkOrFuse()).isFalse();
    }

    @Test
    void anUnreadableTableHoldsNoMountAndRefusesNothing() {
        assertThat(MountTable.parse("garbage\n\n").mountOf(Path.of("/data"))).isEmpty();
    }
}
