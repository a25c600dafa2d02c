package dev.muster.process;

import java.nio.charset.StandardCharsets;

/** Receives a child's output one line at a time, from the threads that drain its pipes. */
@FunctionalInterface
public interface OutputListener {

    /** Which pipe a line came from. */
    enum Stream { STDOUT, STDERR }

    /** Called for every line, without its line terminator. Must not block for long. */
    void line(Stream stream, String text);

    /**
     * A line as the bytes it was read as, {@code bytes[from, to)} without its terminator, valid only
     * during the call. {@code ascii} says every byte is below 0x80 (then the bytes are the
     * characters); false means it may not be. By default it is decoded as UTF-8 and passed to
     * {@link #line(Stream, String)}; a listener that can use the bytes as they are overrides this.
     */
    default void line(Stream stream, byte[] bytes, int from, int to, boolean ascii) {
        line(stream, new String(bytes, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
    }

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
