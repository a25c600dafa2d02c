package dev.muster.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DumpNameTest {
    private static final Instant AT = Instant.parse("2026-12-01T21:19:08.123456Z");

    @Test
    void namesCarryTimeHostAndRandomBitsAndParseBack() {
        DumpName name = DumpName.create("db", AT, "my host.local", new Random(1));

        assertThat(name.base()).matches("db-20261201T211908123Z-my-host-local-[0-9a-f]{8}");
        assertThat(DumpName.parse("db", name.dump(Path.of("/b")))).contains(name);
        assertThat(DumpName.parse("db", name.manifest(Path.of("/b")))).contains(name);
    }

    @Test
    void twoWritersAtTheSameMillisecondOnTheSameHostGetDifferentNames() {
        Random random = new Random(7);
        assertThat(DumpName.create("db", AT, "h", random).base()).isNotEqualTo(DumpName.create("db", AT, "h", random).base());
    }

    @Test
    void temporaryFilesAndOtherBackupsAreNotDumps() {
        DumpName name = DumpName.create("db", AT, "h", new Random(1));

        assertThat(DumpName.parse("db", DurableFiles.temporary(name.dump(Path.of("/b"))))).isEmpty();
        assertThat(DumpName.parse("other", name.dump(Path.of("/b")))).isEmpty();
        assertThat(DumpName.parse("db", Path.of("/b/notes.txt"))).isEmpty();
    }

    @Test
    void namesSortFromOldestToNewest() {
        DumpName older = DumpName.create("db", AT, "zz", new Random(1));
        DumpName newer = DumpName.create("db", AT.plusMillis(1), "aa", new Random(1));
        assertThat(older).isLessThan(newer);
    }
}
