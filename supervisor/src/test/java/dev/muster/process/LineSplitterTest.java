package dev.muster.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private final List<String> seen = new ArrayList<>();
    private final OutputListener listener = new OutputListener() {
        @Override
        public void line(Stream stream, String text) {
            seen.add("line:" + text);
        }

        @Override
        public void piece(Stream stream, String text) {
            seen.add("piece:" + text);
        }
    };

    @Test
    void endsLinesAtNewlineCrlfAndLoneCr() {
        LineSplitter lines = new LineSplitter(listener, OutputListener.Stream.STDOUT, 64);
        feed(lines, "a\nb\r\nc\rd");
        feed(lines, "\n");
        assertThat(seen).containsExactly("line:a", "line:b", "line:c", "line:d");
    }

    @Test
    void joinsALineThatArrivesInManyReads() {
        LineSplitter lines = new LineSplitter(listener, OutputListener.Stream.STDOUT, 64);
        feed(lines, "hel");
        feed(lines, "lo wo");
        feed(lines, "rld\r");
        feed(lines, "\nnext");
        lines.finish();
        assertThat(seen).containsExactly("line:hello world", "line:next");
    }

    @Test
    void aLineLongerThanTheCapComesInPiecesOfAtMostTheCap() {
        LineSplitter lines = new LineSplitter(listener, OutputListener.Stream.STDOUT, 8);
        feed(lines, "0123456789abcdefghij\n");
        assertThat(seen).containsExactly("piece:01234567", "piece:89abcdef", "line:ghij");
    }

    @Test
    void aPieceNeverCutsAUtf8CharacterInTwo() {
        LineSplitter lines = new LineSplitter(listener, OutputListener.Stream.STDOUT, 8);
        feed(lines, "abcdef\u20ac\u20acxy\n");
        assertThat(seen).containsExactly("piece:abcdef", "line:\u20ac\u20acxy");
        assertThat(String.join("", seen).replaceAll("(piece|line):", "")).isEqualTo("abcdef\u20ac\u20acxy");
    }

    @Test
    void memoryStaysBoundedForAnEndlessLine() {
        LineSplitter lines = new LineSplitter(listener, OutputListener.Stream.STDOUT, 1024);
        byte[] chunk = "x".repeat(4096).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 1000; i++) {
            lines.feed(chunk, 0, chunk.length);
        }
        assertThat(seen).hasSize(3999).allMatch(s -> s.length() == "piece:".length() + 1024);
    }

    private static void feed(LineSplitter lines, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        lines.feed(bytes, 0, bytes.length);
    }
}
