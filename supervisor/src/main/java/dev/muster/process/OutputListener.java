package dev.muster.process;

/** Receives a child's output one line at a time, from the threads that drain its pipes. */
@FunctionalInterface
public interface OutputListener {

    /** Which pipe a line came from. */
    enum Stream { STDOUT, STDERR }

    /** Called for every line, without its line terminator. Must not block for long. */
    void line(Stream stream, String text);

    /**
     * A piece of a line longer than the line cap; more of the same line follows (more pieces, then
     * {@link #line} with its end). By default it is treated as a line of its own.
     */
    default void piece(Stream stream, String text) {
        line(stream, text);
    }

    /** The pipe has nothing more to read at the moment: a good time to flush what was buffered. */
    default void idle() {
    }
}
