package dev.muster.supervisor;

import dev.muster.process.OutputListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds a new workload's first lines until muster has printed its "started" line, then passes
 * them on in order, so a service's output never appears before its own start. Thread-safe.
 */
final class HeldOutput implements OutputListener {
    private final OutputListener target;
    private final List<Object[]> held = new ArrayList<>();
    private boolean released;

    HeldOutput(OutputListener target) {
        this.target = target;
    }

    @Override
    public synchronized void line(Stream stream, String text) {
        if (released) {
            target.line(stream, text);
        } else {
            held.add(new Object[] {stream, text});
        }
    }

    /** A piece of an over-long line: held like a line, passed on as a piece (the target redacts across pieces). */
    @Override
    public synchronized void piece(Stream stream, String text) {
        if (released) {
            target.piece(stream, text);
        } else {
            held.add(new Object[] {stream, text, Boolean.TRUE});
        }
    }

    /** The pipe went idle: the target may flush its log file (nothing to flush while lines are held). */
    @Override
    public synchronized void idle() {
        if (released) {
            target.idle();
        }
    }

    /** Passes on what was held and everything after it. */
    synchronized void release() {
        for (Object[] line : held) {
            if (line.length > 2) {
                target.piece((Stream) line[0], (String) line[1]);
            } else {
                target.line((Stream) line[0], (String) line[1]);
            }
        }
        held.clear();
        released = true;
        target.idle();
    }
}
