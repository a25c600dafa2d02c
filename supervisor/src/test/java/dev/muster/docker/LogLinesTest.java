package dev.muster.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogLinesTest {
    private final List<String> lines = new ArrayList<>();
    private final LogLines logs = new LogLines((stream, text) -> lines.add(stream + " " + text));

    private void frame(StreamType type, String text) {
        logs.onNext(new Frame(type, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void joinsLinesSplitAcrossFramesPerStreamAndDropsCarriageReturns() {
        frame(StreamType.STDOUT, "Ready to ");
        frame(StreamType.STDERR, "warn: low\r\n");
        frame(StreamType.STDOUT, "accept connections\nsecond");
        frame(StreamType.STDOUT, " line\n");

        assertThat(lines).containsExactly("STDERR warn: low", "STDOUT Ready to accept connections", "STDOUT second line");
    }

    @Test
    void deliversAnUnterminatedLastLineWhenTheStreamEnds() {
        frame(StreamType.STDOUT, "bye");
        assertThat(lines).isEmpty();

        logs.onComplete();

        assertThat(lines).containsExactly("STDOUT bye");
        assertThat(logs.done()).isDone();
    }
}
