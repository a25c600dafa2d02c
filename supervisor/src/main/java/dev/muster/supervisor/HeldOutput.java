package dev.muster.supervisor;

import dev.muster.process.OutputListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds a new workload's first lines until muster has printed its "started" line, then passes
 * them on in order, so a service's output never appears before its own start. Whole lines, pieces
 * of over-long lines and idle moments all reach the target as they came (the target's redaction
 * of a secret cut between pieces, its split notice and its file flushes depend on it). Lines are held
 * as text; once released, lines pass on as the bytes they were read as. Thread-safe.
 */
final class HeldOutput implements OutputListener {
    private final OutputListener target;
    private final List<Held> held = new ArrayList<>();
    /** Set once, after what was held went on; from then on lines pass without taking the lock. */
    private volatile boolean released;

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

    /** Once released, the bytes go on as they are; before, the line is held as its text. */
    @Override
    public void line(Stream stream, byte[] bytes, int from, int to, boolean ascii) {
        if (!released) {
            synchronized (this) {
                if (!released) {
                    OutputListener.super.line(stream, bytes, from, to, ascii);
                    return;
                }
            }
        }
        target.line(stream, bytes, from, to, ascii);
    }

    @Override
    public synchronized void piece(Stream stream, String text) {
        hold(new Held(stream, text, true));
    }

    @Override
    public void idle() {
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
