package dev.muster.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.process.OutputListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldOutputTest {
    /** Writes down what reaches it, as "line:text", "piece:text" or "idle". */
    private static final class Recorder implements OutputListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void line(Stream stream, String text) {
            seen.add("line:" + text);
        }

        @Override
        public void piece(Stream stream, String text) {
            seen.add("piece:" + text);
        }

        @Override
        public void idle() {
            seen.add("idle");
        }
    }

    @Test
    void keepsPiecesOfLongLinesApartFromWholeLinesWhileHoldingAndAfter() {
        Recorder target = new Recorder();
        HeldOutput held = new HeldOutput(target);
        held.piece(OutputListener.Stream.STDOUT, "aaa");
        held.line(OutputListener.Stream.STDOUT, "end of the long line");
        held.idle();
        assertThat(target.seen).as("nothing passes before the started line").isEmpty();

        held.release();
        held.piece(OutputListener.Stream.STDOUT, "bbb");
        held.idle();

        assertThat(target.seen).containsExactly("piece:aaa", "line:end of the long line", "piece:bbb", "idle");
    }
}
