package dev.muster.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutputPumpsTest {

    @Test
    void deliversEveryLineOfBothPipesBeforeDrainedCompletes() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Process child = new ProcessBuilder("sh", "-c",
                "i=0; while [ $i -lt 200 ]; do echo out $i; echo err $i >&2; i=$((i+1)); done; printf 'no newline'")
                .start();
        OutputPumps pumps = new OutputPumps(child, (stream, text) -> lines.add(stream + " " + text), 64 * 1024);
        pumps.drained().get(10, TimeUnit.SECONDS);

        assertThat(lines).hasSize(401).contains("STDOUT out 199", "STDERR err 199", "STDOUT no newline");
        assertThat(pumps.failure()).isNotDone();
    }

    @Test
    void aReaderThatDiesIsReportedAndTheChildIsNeverLeftBlocked() throws Exception {
        Process child = new ProcessBuilder("sh", "-c", "echo boom; head -c 4000000 /dev/zero | tr '\\0' 'x'; echo; exit 7")
                .start();
        OutputPumps pumps = new OutputPumps(child, (stream, text) -> {
            throw new IllegalStateException("listener broke on " + text.length() + " chars");
        }, 64 * 1024);

        await().atMost(Duration.ofSeconds(10)).until(() -> pumps.failure().isDone());
        assertThat(pumps.failure().get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("listener broke");
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(7);
        pumps.drained().get(10, TimeUnit.SECONDS);
    }
}
