package dev.muster.supervisor;

import dev.muster.process.OutputListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds a new workload's first lines until muster has printed its "started" line, then passes
 * them on in order, so a service's output never appears before its own start. Whole lines, pieces
 * of over-long lines and idle moments all reach the target as they came (the target's redaction
 * of a secret cut between pieces, its split notice and its file flushes depend on it). Thread-safe.
 */
final class HeldOutput implements OutputListener {
    private final OutputListener target;
    private final List<Held> held = new ArrayList<>();
    private boolean released;

    /** One thing the workload said before the "started" line. */
    private record Held(Stream stream, String text, boolean piece) {
    }

    HeldOutput(OutputListener target) {
        this.target = target;
    }

    @Override
    public synchronized void line(Stream stream, String text) {
        hold(new Held(stream, text, false));
    }

    @Override
    public synchronized void piece(Stream stream, String text) {
        hold(new Held(stream, text, true));
    }

    @Override
    public synchronized void idle() {
        if (released) {
            target.idle();
        }
    }

    /** Passes on what was held and everything after it. */
    synchronized void release() {
        held.forEach(this::deliver);
        held.clear();
        released = true;
    }

    private void hold(Held event) {
        if (released) {
            deliver(event);
        } else {
            held.add(event);
        }
    }

    private void deliver(Held event) {
        if (event.piece()) {
            target.piece(event.stream(), event.text());
        } else {
            target.line(event.stream(), event.text());
        }
    }
}
