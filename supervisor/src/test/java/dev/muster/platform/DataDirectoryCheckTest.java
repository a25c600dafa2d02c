package dev.muster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryCheckTest {
    @TempDir
    Path dir;

    private final MountTable mounts = MountTable.parse(MountTableTest.MOUNTINFO);

    @Test
    void refusesADataDirectoryOnABucketMountWithTheFix() throws Exception {
        var profile = ProfileFiles.load(dir, ProfileFiles.stack("/data/bucket/pg", ""), Map.of());

        assertThat(new DataDirectoryCheck(mounts, path -> Long.MAX_VALUE).problems(profile)).singleElement()
                .asString().contains("PostgreSQL's data directory /data/bucket/pg is on fuse.hf-mount (hf-mount) mounted"
                        + " at /data/bucket").contains("Put the data directory on local disk")
                .contains("backups: { to: /data/bucket/backups }");
    }

    @Test
    void refusesADataDirectoryOnNfs() throws Exception {
        var profile = ProfileFiles.load(dir, ProfileFiles.stack("/mnt/nfs/pg", ""), Map.of());

        assertThat(new DataDirectoryCheck(mounts, path -> Long.MAX_VALUE).problems(profile)).singleElement()
                .asString().contains("is on nfs4 (10.0.0.5:/export)");
    }

    @Test
    void refusesADiskWithTooLittleFreeSpace() throws Exception {
        var profile = ProfileFiles.load(dir, ProfileFiles.stack("/data/pg", ""), Map.of());

        assertThat(new DataDirectoryCheck(mounts, path -> 10L * 1024 * 1024).problems(profile)).singleElement()
                .asString().contains("has only 10 MB free").contains("needs at least 256 MB");
    }

    @Test
    void acceptsALocalDiskWithRoom() throws Exception {
        var profile = ProfileFiles.load(dir, ProfileFiles.stack("/data/pg", ""), Map.of());

        assertThat(new DataDirectoryCheck(mounts, path -> Long.MAX_VALUE).problems(profile)).isEmpty();
    }

    @Test
    void findsDataDirectoriesInEveryFormPostgresAccepts() throws Exception {
        var profile = ProfileFiles.load(dir, """
                version: 1
                services:
                  init: { kind: task, command: [initdb, --pgdata=/a] }
                  pg: { command: [/usr/lib/postgresql/15/bin/postgres, -D/b], env: { PGDATA: /c } }
                  other: { command: [app, -D, /not-a-data-dir] }
                """, Map.of());

        assertThat(DataDirectories.of(profile)).containsExactly(Path.of("/a"), Path.of("/b"), Path.of("/c"));
    }
}
