package dev.muster.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    @Test
    void prefixesLinesWithAPaddedSourceColumn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Console console = new Console(out, out, false, 8);
        console.line("redis", "Ready to accept connections");
        console.info("booting");
        console.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("redis    | Ready to accept connections", "muster   | booting");
    }

    @Test
    void aStuckTerminalNeverBlocksTheWriterOfLines() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PrintStream stuck = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Console console = new Console(stuck, stuck, false, 6);
        long start = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            console.line("chatty", "line " + i);
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        release.countDown();
        assertThat(elapsedMs).isLessThan(5_000);
    }
}
