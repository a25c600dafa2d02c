package dev.muster.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.profile.BackupSpec;
import dev.muster.profile.DatabaseSpec;
import dev.muster.profile.RestoreMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpPrunerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path dir;

    private BackupSpec spec(int keep) {
        return new BackupSpec("db", new DatabaseSpec("127.0.0.1", 5432, "postgres", null, "app", null), dir,
                Duration.ZERO, true, RestoreMode.AUTO, keep, Duration.ofMinutes(1));
    }

    private DumpName dump(Duration ago, boolean withManifest) throws Exception {
        DumpName name = DumpName.create("db", NOW.minus(ago), "h", new Random(ago.toMillis()));
        Files.writeString(name.dump(dir), "dump");
        Files.writeString(name.roles(dir), "roles");
        if (withManifest) {
            Manifest manifest = new Manifest("app", "15", name.time().toString(), "h", 10,
                    new Manifest.Part(name.dump(dir).getFileName().toString(), 4, "x"),
                    new Manifest.Part(name.roles(dir).getFileName().toString(), 5, "y"), 1);
            Files.write(name.manifest(dir), manifest.toJson());
        }
        return name;
    }

    private String prune(int keep) throws Exception {
        return new DumpPruner(spec(keep), Clock.fixed(NOW, ZoneOffset.UTC)).prune();
    }

    @Test
    void keepsTheNewestCompleteDumps() throws Exception {
        DumpName oldest = dump(Duration.ofHours(3), true);
        DumpName middle = dump(Duration.ofHours(2), true);
        DumpName newest = dump(Duration.ofHours(1), true);

        assertThat(prune(2)).startsWith("pruned 1 older dump(s)");
        assertThat(Files.exists(oldest.manifest(dir))).isFalse();
        assertThat(Files.exists(oldest.dump(dir))).isFalse();
        assertThat(Files.exists(middle.manifest(dir))).isTrue();
        assertThat(Files.exists(newest.dump(dir))).isTrue();
    }

    @Test
    void neverRemovesTheNewestCompleteDumpForANewerUnfinishedOne() throws Exception {
        DumpName good = dump(Duration.ofHours(2), true);
        DumpName unfinished = dump(Duration.ofHours(1), false);

        assertThat(prune(1)).isEmpty();
        assertThat(Files.exists(good.manifest(dir))).isTrue();
        assertThat(Files.exists(unfinished.dump(dir))).as("newer than the newest good one: kept for a human").isTrue();
    }

    @Test
    void removesUnfinishedDumpsOlderThanTheNewestCompleteOneOnlyOnceNoWriterCanStillBeAtThem() throws Exception {
        DumpName abandoned = dump(Duration.ofHours(3), false);
        DumpName recent = dump(Duration.ofSeconds(30), false);
        dump(Duration.ofSeconds(10), true);
        Path temporary = Files.writeString(dir.resolve(".db-20261201T090000000Z-h-00000000.dump.tmp"), "partial");
        Files.setLastModifiedTime(temporary, java.nio.file.attribute.FileTime.from(NOW.minus(Duration.ofHours(3))));

        assertThat(prune(3)).contains("pruned 1 older dump(s) and 1 abandoned temporary file(s)");
        assertThat(Files.exists(abandoned.dump(dir))).isFalse();
        assertThat(Files.exists(recent.dump(dir))).as("another writer may be finishing it").isTrue();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
