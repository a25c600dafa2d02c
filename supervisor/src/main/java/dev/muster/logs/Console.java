package dev.muster.logs;

import dev.muster.threads.Daemons;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The terminal: one writer thread drains a bounded queue ({@value #MAX_LINES} lines and
 * {@value #MAX_CHARS} characters), writing everything waiting in one go, so a slow terminal never
 * blocks the threads that read children's pipes. When the queue is full, the oldest queued lines are
 * dropped from the console only (they still reach log files and tails) and the count is shown
 * ("console: N lines dropped …"). Lines are prefixed with their source's name in a column, colored
 * when {@code color} is on. A service's plain ASCII lines may come as one batch of bytes per read
 * ({@link #lines}), which the writer copies out with their prefixes without decoding or encoding.
 */
public final class Console implements AutoCloseable {
    static final int MAX_LINES = 16_384;
    static final int MAX_CHARS = 4 * 1024 * 1024;

    private final PrintStream out;
    private final PrintStream err;
    private final ConsolePrefixes prefixes;
    private final byte[] separator = System.lineSeparator().getBytes(StandardCharsets.ISO_8859_1);
    private final Object lock = new Object();
    private ArrayDeque<Entry> queue = new ArrayDeque<>();
    private long queuedChars;
    private long queuedLines;
    private long dropped;
    private long queued;
    private long written;

    /**
     * @param color whether to use ANSI colors; see {@link #colorWanted}
     * @param width the prefix column's width, usually the longest service name
     */
    public Console(PrintStream out, PrintStream err, boolean color, int width) {
        this.out = out;
        this.err = err;
        this.prefixes = new ConsolePrefixes(color, width);
        Daemons.start("muster-console", this::drain);
    }

    /** Color only on a terminal, when NO_COLOR is unset or empty (https://no-color.org) and TERM is not dumb. */
    public static boolean colorWanted(Map<String, String> env) {
        return ConsolePrefixes.colorWanted(env);
    }

    /** A line from a service, on stdout. Never blocks. */
    public void line(String source, String text) {
        offer(new Text(out, source, text));
    }

    /**
     * Lines from a service, on stdout, as plain ASCII bytes: line {@code i} is
     * {@code bytes[i == 0 ? 0 : ends[i - 1], ends[i])}, without terminator, for {@code i < count}.
     * The arrays become the console's. Never blocks; when the queue is full, all of them are dropped.
     */
    public void lines(String source, byte[] bytes, int[] ends, int count) {
        if (count > 0) {
            offer(new Batch(out, source, bytes, ends, count));
        }
    }

    /** A line from muster itself, on stdout. Never blocks. */
    public void info(String text) {
        line("muster", text);
    }

    /** A line from muster itself, on stderr. Never blocks. */
    public void error(String text) {
        offer(new Text(err, "muster", text));
    }

    /** Waits until everything queued before this call is written, at most 5 s. */
    public void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (lock) {
            long target = queued;
            while (written < target) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        out.flush();
        err.flush();
    }

    /**
     * Queues the entry; when the queue is full, the oldest entries make room (the newest lines are
     * the ones an operator needs: the last before a crash, the first after a flood), and one that
     * could never fit is dropped itself.
     */
    private void offer(Entry entry) {
        synchronized (lock) {
            if (entry.lines() > MAX_LINES || entry.chars() > MAX_CHARS) {
                dropped += entry.lines();
                lock.notifyAll();
                return;
            }
            while (queuedLines + entry.lines() > MAX_LINES || queuedChars + entry.chars() > MAX_CHARS) {
                Entry oldest = queue.removeFirst();
                queuedLines -= oldest.lines();
                queuedChars -= oldest.chars();
                written += oldest.lines();   // done with, for flush(): it will never be written
                dropped += oldest.lines();
            }
            boolean wake = queue.isEmpty();
            queue.addLast(entry);
            queuedChars += entry.chars();
            queuedLines += entry.lines();
            queued += entry.lines();
            if (wake) {
                lock.notifyAll();
            }
        }
    }

    private void drain() {
        ArrayDeque<Entry> batch = new ArrayDeque<>();
        StringBuilder text = new StringBuilder(64 * 1024);
        Bytes bytes = new Bytes();
        try {
            while (true) {
                long lost;
                synchronized (lock) {
                    while (queue.isEmpty() && dropped == 0) {
                        lock.wait();
                    }
                    ArrayDeque<Entry> full = queue;
                    queue = batch;
                    batch = full;
                    queuedChars = 0;
                    queuedLines = 0;
                    lost = dropped;
                    dropped = 0;
                }
                if (lost > 0) {
                    batch.addFirst(new Text(out, "muster", "console: " + lost + " lines dropped, the console could not keep up"
                            + " (they still reach the tail and any log: file)"));
                }
                int count = write(batch, text, bytes);
                synchronized (lock) {
                    written += count - (lost > 0 ? 1 : 0);
                    lock.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the batch, one print per run of lines for the same stream; returns how many lines. */
    private int write(ArrayDeque<Entry> batch, StringBuilder text, Bytes bytes) {
        int count = 0;
        PrintStream stream = null;
        for (Entry entry = batch.poll(); entry != null; entry = batch.poll()) {
            if (entry.stream() != stream && stream != null) {
                print(stream, text, bytes);
            }
            stream = entry.stream();
            count += entry.lines();
            byte[] ascii = entry instanceof Batch ? prefixes.asciiOf(entry.source()) : null;
            if (ascii != null) {
                print(stream, text, null);
                copy((Batch) entry, ascii, bytes, stream);
            } else {
                print(stream, null, bytes);
                entry.appendTo(text, prefixes.of(entry.source()));
            }
        }
        if (stream != null) {
            print(stream, text, bytes);
        }
        return count;
    }

    /** Copies a batch's lines, each behind the prefix, into {@code bytes}, printing it whenever it fills. */
    private void copy(Batch lines, byte[] prefix, Bytes bytes, PrintStream stream) {
        int start = 0;
        for (int i = 0; i < lines.count(); i++) {
            int end = lines.ends()[i];
            int need = prefix.length + end - start + separator.length;
            if (bytes.length + need > bytes.data.length) {
                print(stream, null, bytes);
                bytes.ensure(need);
            }
            bytes.put(prefix, 0, prefix.length);
            bytes.put(lines.bytes(), start, end);
            bytes.put(separator, 0, separator.length);
            start = end;
        }
    }

    private static void print(PrintStream stream, StringBuilder text, Bytes bytes) {
        if (text != null && text.length() > 0) {
            stream.append(text);
            stream.flush();
            text.setLength(0);
        }
        if (bytes != null && bytes.length > 0) {
            stream.write(bytes.data, 0, bytes.length);
            stream.flush();
            bytes.length = 0;
        }
    }

    @Override
    public void close() {
        flush();
    }

    /** Something waiting to be written: lines of one source for one stream. */
    private sealed interface Entry permits Text, Batch {
        PrintStream stream();

        String source();

        int lines();

        long chars();

        /** Appends the lines as text, each behind {@code prefix} and followed by the line separator. */
        void appendTo(StringBuilder text, String prefix);
    }

    private record Text(PrintStream stream, String source, String text) implements Entry {
        @Override
        public int lines() {
            return 1;
        }

        @Override
        public long chars() {
            return text.length();
        }

        @Override
        public void appendTo(StringBuilder out, String prefix) {
            out.append(prefix).append(text).append(System.lineSeparator());
        }
    }

    private record Batch(PrintStream stream, String source, byte[] bytes, int[] ends, int count) implements Entry {
        @Override
        public int lines() {
            return count;
        }

        @Override
        public long chars() {
            return ends[count - 1];
        }

        @Override
        public void appendTo(StringBuilder out, String prefix) {
            int start = 0;
            for (int i = 0; i < count; i++) {
                out.append(prefix).append(new String(bytes, start, ends[i] - start, StandardCharsets.ISO_8859_1))
                        .append(System.lineSeparator());
                start = ends[i];
            }
        }
    }

    /** The writer's reusable output buffer. */
    private static final class Bytes {
        byte[] data = new byte[64 * 1024];
        int length;

        void ensure(int capacity) {
            if (data.length < capacity) {
                data = new byte[capacity];
            }
        }

        void put(byte[] from, int start, int end) {
            System.arraycopy(from, start, data, length, end - start);
            length += end - start;
        }
    }
}
