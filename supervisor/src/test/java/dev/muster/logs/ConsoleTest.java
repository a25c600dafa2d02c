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

    @Test
    void linesDroppedWhileTheTerminalIsStuckAreCountedOnceItMovesAgain() throws Exception {
        HeldTerminal terminal = new HeldTerminal();
        Console console = new Console(terminal.stream(), terminal.stream(), false, 6);
        console.line("chatty", "first");
        terminal.awaitBlocked();
        int offered = Console.MAX_LINES + 100;
        for (int i = 0; i < offered; i++) {
            console.line("chatty", "line " + i);
        }
        terminal.release();
        console.close();
        java.util.List<String> lines = terminal.text().lines().toList();
        assertThat(lines).contains("muster | console: 100 lines dropped, the console could not keep up"
                + " (they still reach the tail and any log: file)");
        assertThat(lines).hasSize(1 + 1 + Console.MAX_LINES);
        assertThat(lines).as("the oldest queued lines make room: the newest are the ones shown")
                .doesNotContain("chatty | line 99").contains("chatty | line 100")
                .endsWith("chatty | line " + (offered - 1));
        assertThat(lines.indexOf("muster | console: 100 lines dropped, the console could not keep up"
                + " (they still reach the tail and any log: file)")).isLessThan(lines.indexOf("chatty | line 100"));
    }

    @Test
    void theLastLineOfAFloodReachesTheConsoleAndTheDropIsSaidWithoutAnotherLine() throws Exception {
        HeldTerminal terminal = new HeldTerminal();
        Console console = new Console(terminal.stream(), terminal.stream(), false, 6);
        console.line("chatty", "first");
        terminal.awaitBlocked();
        String huge = "x".repeat(64 * 1024);
        for (int i = 0; i < Console.MAX_CHARS / huge.length() + 10; i++) {
            console.line("chatty", huge);
        }
        console.line("chatty", "after the long line");
        terminal.release();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> terminal.text().contains("after the long line"));
        assertThat(terminal.text()).contains("lines dropped, the console could not keep up");
        console.close();
    }

    @Test
    void aBatchOfLinesIsWrittenLineByLineBehindThePrefixInOrderWithOtherLines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Console console = new Console(out, out, false, 6);
        console.info("before");
        console.lines("web", "onetwothree".getBytes(StandardCharsets.US_ASCII), new int[] {3, 6, 11, 0}, 3);
        console.line("web", "caf\u00e9");
        console.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("muster | before", "web    | one", "web    | two", "web    | three", "web    | caf\u00e9");
    }

    @Test
    void aBatchThatDoesNotFitIsDroppedWholeAndCounted() throws Exception {
        HeldTerminal terminal = new HeldTerminal();
        Console console = new Console(terminal.stream(), terminal.stream(), false, 6);
        console.line("chatty", "first");
        terminal.awaitBlocked();
        int[] ends = new int[1000];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = i + 1;
        }
        int batches = Console.MAX_LINES / ends.length + 1;
        for (int i = 0; i < batches; i++) {
            console.lines("chatty", "x".repeat(ends.length).getBytes(StandardCharsets.US_ASCII), ends, ends.length);
        }
        terminal.release();
        console.close();
        java.util.List<String> lines = terminal.text().lines().toList();
        int kept = Console.MAX_LINES / ends.length * ends.length;
        assertThat(lines).contains("muster | console: " + (batches * ends.length - kept)
                + " lines dropped, the console could not keep up (they still reach the tail and any log: file)");
        assertThat(lines).hasSize(1 + 1 + kept);
    }

    /** A terminal whose first write blocks until released; what it received, as text. */
    private static final class HeldTerminal {
        private final CountDownLatch release = new CountDownLatch(1);
        private final CountDownLatch blocked = new CountDownLatch(1);
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintStream stream = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                blocked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (bytes) {
                    bytes.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);

        PrintStream stream() {
            return stream;
        }

        void awaitBlocked() throws InterruptedException {
            blocked.await();
        }

        void release() {
            release.countDown();
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
