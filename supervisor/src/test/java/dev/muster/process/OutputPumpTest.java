package dev.muster.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutputPumpTest {

    @Test
    void deliversEveryLineOfStdoutAndStderrInTheOrderTheChildWroteThem() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Process child = new ProcessBuilder("sh", "-c",
                "i=0; while [ $i -lt 200 ]; do echo out $i; echo err $i >&2; i=$((i+1)); done; printf 'no newline'")
                .redirectErrorStream(true).start();
        OutputPump pumps = new OutputPump(child, (stream, text) -> lines.add(text), 64 * 1024);
        pumps.drained().get(10, TimeUnit.SECONDS);

        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add("out " + i);
            expected.add("err " + i);
        }
        expected.add("no newline");
        assertThat(lines).containsExactlyElementsOf(expected);
        assertThat(pumps.failure()).isNotDone();
    }

    @Test
    void aReaderThatDiesIsReportedAndTheChildIsNeverLeftBlocked() throws Exception {
        Process child = new ProcessBuilder("sh", "-c", "echo boom; head -c 4000000 /dev/zero | tr '\\0' 'x'; echo; exit 7")
                .redirectErrorStream(true).start();
        OutputPump pumps = new OutputPump(child, (stream, text) -> {
            throw new IllegalStateException("listener broke on " + text.length() + " chars");
        }, 64 * 1024);

        await().atMost(Duration.ofSeconds(10)).until(() -> pumps.failure().isDone());
        assertThat(pumps.failure().get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("listener broke");
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(7);
        pumps.drained().get(10, TimeUnit.SECONDS);
    }
}
