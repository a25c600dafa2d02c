package dev.muster.logs;

import java.util.Arrays;

/**
 * One service's clean ASCII lines on their way to the {@link Console}, gathered as bytes so that
 * the console takes a whole read's lines at once instead of one queue entry per line. Full at
 * {@value #FULL} bytes or {@value #MAX_LINES} lines. Starts small and gives a grown buffer back at
 * {@link #trim}, so a quiet service holds none. Its own lock guards it, so a unit thread can hand it
 * over ({@link ServiceLog#handOverToConsole}) while the reader thread writes the log file.
 */
final class ConsoleBatch {
    static final int FULL = 32 * 1024;
    static final int MAX_LINES = 1024;
    private static final int SMALL = 512;

    private byte[] bytes = new byte[SMALL];
    private int[] ends = new int[16];
    private int length;
    private int count;

    /** Adds the line {@code from[start, end)}; true when the batch is full and should be handed over. */
    synchronized boolean add(byte[] from, int start, int end) {
        int size = end - start;
        if (length + size > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + size, Math.min(2 * bytes.length, 2 * FULL)));
        }
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, 2 * count);
        }
        System.arraycopy(from, start, bytes, length, size);
        length += size;
        ends[count++] = length;
        return length >= FULL || count >= MAX_LINES;
    }

    /** Gives the gathered lines to {@code console} (a copy of them), and starts over. */
    synchronized void handTo(Console console, String source) {
        if (count > 0) {
            console.lines(source, Arrays.copyOf(bytes, length), Arrays.copyOf(ends, count), count);
            length = 0;
            count = 0;
        }
    }

    /** Gives back a buffer that grew for a burst. */
    synchronized void trim() {
        if (count == 0 && bytes.length > SMALL) {
            bytes = new byte[SMALL];
            ends = new int[16];
        }
    }
}
