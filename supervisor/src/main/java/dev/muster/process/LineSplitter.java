package dev.muster.process;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts one pipe's bytes into lines for an {@link OutputListener}: a line ends at {@code \n},
 * {@code \r\n} or a lone {@code \r}, and is delivered without its terminator, as the bytes it was read as
 * ({@link OutputListener#line(OutputListener.Stream, byte[], int, int, boolean)}, which says whether they
 * are plain ASCII), so a listener that can use bytes need not decode them.
 * A line longer than {@code cap} bytes is delivered in pieces of at most {@code cap} bytes
 * ({@link OutputListener#piece}), cut between characters, so memory stays bounded whatever the
 * child writes. Not thread-safe: one per pipe, fed by one reader.
 */
public final class LineSplitter {
    /** The default longest line held in memory: 64 KiB. */
    public static final int DEFAULT_CAP = 64 * 1024;

    /** Bytes from here up are never a line terminator; four of them at once are skipped in one step. */
    private static final int LOWEST_PLAIN = '\r' + 1;

    private final OutputListener listener;
    private final OutputListener.Stream stream;
    private final int cap;
    private byte[] partial = new byte[256];
    private int length;
    private boolean afterCr;
    /** Whether every byte held in {@code partial} is known to be below 0x80. */
    private boolean heldAscii = true;

    /** @param cap the longest line, in bytes, held in memory (at least 4) */
    public LineSplitter(OutputListener listener, OutputListener.Stream stream, int cap) {
        if (cap < 4) {
            throw new IllegalArgumentException("cap must be at least 4 bytes, got " + cap);
        }
        this.listener = listener;
        this.stream = stream;
        this.cap = cap;
    }

    /** Delivers every line completed by {@code bytes[from, to)}; keeps the unfinished rest. */
    public void feed(byte[] bytes, int from, int to) {
        int start = from;
        int high = 0;
        int i = from;
        while (i < to) {
            if (i + 4 <= to) {
                int b0 = bytes[i];
                int b1 = bytes[i + 1];
                int b2 = bytes[i + 2];
                int b3 = bytes[i + 3];
                if (((b0 & 0xFF) - LOWEST_PLAIN | (b1 & 0xFF) - LOWEST_PLAIN | (b2 & 0xFF) - LOWEST_PLAIN
                        | (b3 & 0xFF) - LOWEST_PLAIN) >= 0) {
                    high |= b0 | b1 | b2 | b3;
                    i += 4;
                    continue;
                }
            }
            byte b = bytes[i++];
            if (b != '\n' && b != '\r') {
                high |= b;
                continue;
            }
            boolean crlfEnd = b == '\n' && afterCr && i - 1 == start && length == 0;
            afterCr = b == '\r';
            if (!crlfEnd) {
                emit(bytes, start, i - 1, high >= 0);
            }
            high = 0;
            start = i;
        }
        if (start < to) {
            afterCr = false;
            heldAscii &= high >= 0;
            hold(bytes, start, to);
        }
    }

    /** At end of input: delivers the last line if it had no terminator. */
    public void finish() {
        if (length > 0) {
            deliverHeld();
        }
    }

    /** {@code ascii}: no byte of {@code bytes[from, to)} is 0x80 or above. */
    private void emit(byte[] bytes, int from, int to, boolean ascii) {
        if (length == 0 && to - from <= cap) {
            listener.line(stream, bytes, from, to, ascii);
            return;
        }
        heldAscii &= ascii;
        hold(bytes, from, to);
        deliverHeld();
    }

    private void deliverHeld() {
        listener.line(stream, partial, 0, length, heldAscii);
        length = 0;
        heldAscii = true;
    }

    private void hold(byte[] bytes, int from, int to) {
        while (length + (to - from) > cap) {
            int take = cap - length;
            append(bytes, from, from + take);
            from += take;
            int cut = charBoundary(partial, length);
            listener.piece(stream, decode(partial, 0, cut));
            System.arraycopy(partial, cut, partial, 0, length - cut);
            length -= cut;
            heldAscii = false;
        }
        append(bytes, from, to);
    }

    private void append(byte[] bytes, int from, int to) {
        int needed = length + (to - from);
        if (needed > partial.length) {
            partial = Arrays.copyOf(partial, Math.min(cap, Math.max(needed, partial.length * 2)));
        }
        System.arraycopy(bytes, from, partial, length, to - from);
        length = needed;
    }

    /** Where to cut {@code bytes[0, end)} so that no UTF-8 character is split: before an unfinished last one. */
    private static int charBoundary(byte[] bytes, int end) {
        for (int p = end - 1; p >= Math.max(1, end - 4); p--) {
            int b = bytes[p] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                int size = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return p + size <= end ? end : p;
            }
        }
        return end;
    }

    private static String decode(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}
