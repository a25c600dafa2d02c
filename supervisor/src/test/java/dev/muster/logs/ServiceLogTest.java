package dev.muster.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.process.OutputListener.Stream;
import dev.muster.profile.LogSpec;
import dev.muster.secret.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLogTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(terminal, true, StandardCharsets.UTF_8);
    final Console console = new Console(out, out, false, 6);
    final Redactor redactor = Redactor.none().including(Map.of("DB_PASSWORD", "hunter2-secret", "PORT", "5432"));

    @Test
    void secretsAreHiddenOnTheConsoleInTheFileInTheTailAndForListeners() throws Exception {
        Path file = dir.resolve("app.log");
        ServiceLog log = new ServiceLog("app", console, new LogSpec(file, 1 << 20, 1), redactor, Clock.systemUTC());
        List<String> heard = new ArrayList<>();
        log.addListener(heard::add);
        log.line(Stream.STDOUT, "password is hunter2-secret on 5432");
        log.line(Stream.STDERR, "url postgresql://app:other-pw@db/app");
        log.close();
        console.close();

        String expected1 = "password is ****** on 5432";
        String expected2 = "url postgresql://app:******@db/app";
        assertThat(Files.readAllLines(file)).containsExactly(expected1, expected2);
        assertThat(log.tail().last(2)).containsExactly(expected1, expected2);
        assertThat(heard).containsExactly(expected1, expected2);
        assertThat(terminal.toString(StandardCharsets.UTF_8)).contains(expected1, expected2)
                .doesNotContain("hunter2", "other-pw");
    }

    @Test
    void aSecretCutByTheLineCapIsHiddenInBothPieces() {
        ServiceLog log = new ServiceLog("app", console, null, redactor, Clock.systemUTC());
        log.piece(Stream.STDOUT, "x".repeat(20) + "hunter2-");
        log.line(Stream.STDERR, "meanwhile on stderr");
        log.line(Stream.STDOUT, "secret and the rest");
        console.close();

        assertThat(log.tail().last(10)).containsExactly("x".repeat(20), "meanwhile on stderr", "****** and the rest");
        assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("was split").doesNotContain("hunter2");
    }

    @Test
    void linesOfBothStreamsKeepTheOrderInWhichTheyArrived() throws Exception {
        ServiceLog log = new ServiceLog("app", console, null, redactor, Clock.systemUTC());
        Thread stdout = new Thread(() -> {
            for (int i = 0; i < 5000; i++) {
                log.line(Stream.STDOUT, "out " + i);
            }
        });
        Thread stderr = new Thread(() -> {
            for (int i = 0; i < 5000; i++) {
                log.line(Stream.STDERR, "err " + i);
            }
        });
        stdout.start();
        stderr.start();
        stdout.join();
        stderr.join();
        console.close();

        List<String> shown = terminal.toString(StandardCharsets.UTF_8).lines().map(l -> l.substring("muster | ".length()))
                .toList();
        assertThat(shown.subList(shown.size() - ServiceLog.TAIL_CAPACITY, shown.size()))
                .containsExactlyElementsOf(log.tail().last(ServiceLog.TAIL_CAPACITY));
    }

    @Test
    void linesReadAsBytesAreRedactedLikeTextAndKeepTheirOrderEverywhere() throws Exception {
        Path file = dir.resolve("app.log");
        ServiceLog log = new ServiceLog("app", console, new LogSpec(file, 1 << 20, 1), redactor, Clock.systemUTC());
        List<String> heard = new ArrayList<>();
        log.addListener(heard::add);
        dev.muster.process.LineSplitter lines = new dev.muster.process.LineSplitter(log, Stream.STDOUT, 64 * 1024);
        byte[] bytes = ("plain one\npassword is hunter2-secret\nplain two\nurl redis://u:pw-x@h\n"
                + "caf\u00e9 hunter2-secret\nplain three\n").getBytes(StandardCharsets.UTF_8);
        lines.feed(bytes, 0, bytes.length);
        log.idle();
        log.close();
        console.close();

        List<String> expected = List.of("plain one", "password is ******", "plain two", "url redis://u:******@h",
                "caf\u00e9 ******", "plain three");
        assertThat(Files.readAllLines(file)).containsExactlyElementsOf(expected);
        assertThat(log.tail().last(10)).containsExactlyElementsOf(expected);
        assertThat(heard).containsExactlyElementsOf(expected);
        assertThat(terminal.toString(StandardCharsets.UTF_8).lines().map(l -> l.substring("muster | ".length())))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void cleanLinesReachTheConsoleWhenThePipeGoesIdle() {
        ServiceLog log = new ServiceLog("app", console, null, redactor, Clock.systemUTC());
        byte[] bytes = "first\nsecond\n".getBytes(StandardCharsets.US_ASCII);
        new dev.muster.process.LineSplitter(log, Stream.STDOUT, 1024).feed(bytes, 0, bytes.length);
        log.idle();
        console.flush();
        assertThat(terminal.toString(StandardCharsets.UTF_8).lines()).containsExactly("app    | first", "app    | second");
    }

    @Test
    void aLineThatAListenerHeardIsOnTheConsoleBeforeWhatMusterSaysNextAboutIt() {
        ServiceLog log = new ServiceLog("app", console, null, redactor, Clock.systemUTC());
        log.addListener(line -> {
            log.handOverToConsole();
            console.line("app", "ready in 3ms (matched /listening/ 1 times)");
        });
        byte[] bytes = "listening\n".getBytes(StandardCharsets.US_ASCII);
        new dev.muster.process.LineSplitter(log, Stream.STDOUT, 1024).feed(bytes, 0, bytes.length);
        log.idle();
        console.flush();
        assertThat(terminal.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("app    | listening", "app    | ready in 3ms (matched /listening/ 1 times)");
    }

    @Test
    void handingOverToTheConsoleDoesNotWaitForAReaderBusyWithTheLogFile() throws Exception {
        ServiceLog log = new ServiceLog("app", console, null, redactor, Clock.systemUTC());
        byte[] bytes = "listening\n".getBytes(StandardCharsets.US_ASCII);
        new dev.muster.process.LineSplitter(log, Stream.STDOUT, 1024).feed(bytes, 0, bytes.length);
        java.util.concurrent.CompletableFuture<Void> handedOver;
        synchronized (log) {   // what the reader thread holds while it writes the file to a slow disk
            handedOver = java.util.concurrent.CompletableFuture.runAsync(log::handOverToConsole);
            handedOver.get(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        console.flush();
        assertThat(terminal.toString(StandardCharsets.UTF_8).lines()).containsExactly("app    | listening");
    }

    @Test
    void bytesCutAtRandomReadsEndUpAsTheRedactedTextOfEachLineOnEverySink() throws Exception {
        java.util.Random random = new java.util.Random(7);
        List<String> parts = List.of("hunter2-secret", "hunter2-", "secret", "plain ", "caf\u00e9 ", "redis://u:pw-x@h ",
                "http://h/x ", "\r\n", "\n", "\r", "x", "5432 ", "\u20ac", "GET /api/v1/items?page=3 ");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append(parts.get(random.nextInt(parts.size())));
        }
        List<String> expected = text.toString().lines().map(redactor::redact).toList();
        Path file = dir.resolve("app.log");
        ServiceLog log = new ServiceLog("app", console, new LogSpec(file, 1 << 30, 1), redactor, Clock.systemUTC());
        List<String> heard = new ArrayList<>();
        log.addListener(heard::add);
        dev.muster.process.LineSplitter lines = new dev.muster.process.LineSplitter(log, Stream.STDOUT, 64 * 1024);
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < bytes.length; ) {
            int to = Math.min(bytes.length, at + 1 + random.nextInt(300));
            lines.feed(bytes, at, to);
            if (random.nextBoolean()) {
                log.idle();
            }
            at = to;
        }
        lines.finish();
        log.idle();
        log.close();
        console.close();

        assertThat(expected).hasSizeGreaterThan(500);
        assertThat(Files.readAllLines(file)).containsExactlyElementsOf(expected);
        assertThat(heard).containsExactlyElementsOf(expected);
        assertThat(log.tail().last(ServiceLog.TAIL_CAPACITY))
                .containsExactlyElementsOf(expected.subList(Math.max(0, expected.size() - ServiceLog.TAIL_CAPACITY), expected.size()));
        assertThat(terminal.toString(StandardCharsets.UTF_8).lines().map(l -> l.substring("app    | ".length())))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void bytesThatAreNotUtf8ReachTheFileAsTheReplacementCharacterAsBefore() throws Exception {
        Path file = dir.resolve("app.log");
        ServiceLog log = new ServiceLog("app", console, new LogSpec(file, 1 << 20, 1), redactor, Clock.systemUTC());
        byte[] bytes = {'c', 'a', 'f', (byte) 0xE9, ' ', 'x', '\n', 'o', 'k', ' ', (byte) 0xC3, (byte) 0xA9, '\n'};
        new dev.muster.process.LineSplitter(log, Stream.STDOUT, 1024).feed(bytes, 0, bytes.length);
        log.close();
        console.close();
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly("caf\uFFFD x", "ok \u00e9");
        assertThat(log.tail().last(2)).containsExactly("caf\uFFFD x", "ok \u00e9");
    }
}
