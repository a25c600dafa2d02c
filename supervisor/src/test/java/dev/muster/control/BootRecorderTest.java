package dev.muster.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootRecorderTest {
    @TempDir
    Path dir;
    private final AtomicInteger writes = new AtomicInteger();
    private final List<String> warnings = new ArrayList<>();

    @Test
    void foldsABurstOfChangesIntoAFewWritesAndWritesTheLastStateOnClose() throws Exception {
        BootRecorder recorder = new BootRecorder(dir, () -> document("booting " + writes.incrementAndGet()), new Json(),
                warnings::add);
        long started = System.nanoTime();
        for (int i = 0; i < 5000; i++) {
            recorder.changed();
        }
        long burstMs = (System.nanoTime() - started) / 1_000_000;
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(recorder.file()));

        recorder.close();

        assertThat(writes.get()).isLessThanOrEqualTo(2 + (int) (burstMs / BootRecorder.INTERVAL_MS) + 1);
        assertThat(Files.readString(recorder.file())).contains("\"health\" : \"booting " + writes.get() + "\"");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aChangeAfterAQuietSpellIsWrittenWithoutWaitingForAnother() {
        BootRecorder recorder = new BootRecorder(dir, () -> document("booting " + writes.incrementAndGet()), new Json(),
                warnings::add);
        recorder.changed();
        await().atMost(Duration.ofSeconds(5)).until(() -> writes.get() == 1);

        recorder.changed();

        await().atMost(Duration.ofSeconds(5)).until(() -> writes.get() == 2);
        recorder.close();
    }

    @Test
    void aLaunchIsWrittenSoonWhileOtherChangesWaitForTheInterval() {
        BootRecorder recorder = new BootRecorder(dir, () -> document("booting " + writes.incrementAndGet()), new Json(),
                warnings::add, Duration.ofHours(1), Duration.ZERO);
        recorder.changed();
        await().atMost(Duration.ofSeconds(5)).until(() -> writes.get() == 1);
        recorder.changed();

        recorder.changedSoon();

        await().atMost(Duration.ofSeconds(5)).until(() -> writes.get() == 2);
        recorder.changed();
        recorder.close();
        assertThat(writes.get()).isEqualTo(3);
    }

    private static StatusDocument document(String health) {
        return new StatusDocument("demo", "/p.yaml", 1, "", health, List.of(), List.of(), null);
    }
}
