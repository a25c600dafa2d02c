package dev.muster.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.process.OutputListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Held output reaches the service's log as it came: lines as lines, pieces as pieces, idle as a chance to flush. */
class HeldOutputTest {
    private final List<String> seen = new ArrayList<>();
    private final OutputListener target = new OutputListener() {
        @Override
        public void line(Stream stream, String text) {
            seen.add("line " + text);
        }

        @Override
        public void piece(Stream stream, String text) {
            seen.add("piece " + text);
        }

        @Override
        public void idle() {
            seen.add("idle");
        }
    };

    @Test
    void passesOnPiecesAndIdleNotOnlyLines() {
        HeldOutput output = new HeldOutput(target);
        output.piece(OutputListener.Stream.STDOUT, "a");
        output.line(OutputListener.Stream.STDOUT, "b");
        output.idle();

        assertThat(seen).as("nothing before the start line").isEmpty();
        output.release();
        output.piece(OutputListener.Stream.STDERR, "c");
        output.idle();

        assertThat(seen).containsExactly("piece a", "line b", "idle", "piece c", "idle");
    }
}
