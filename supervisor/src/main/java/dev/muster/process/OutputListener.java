package dev.muster.process;

/** Receives a child's output one line at a time, from the threads that drain its pipes. */
@FunctionalInterface
public interface OutputListener {

    /** Which pipe a line came from. */
    enum Stream { STDOUT, STDERR }

    /** Called for every line, without its line terminator. Must not block for long. */
    void line(Stream stream, String text);
}
