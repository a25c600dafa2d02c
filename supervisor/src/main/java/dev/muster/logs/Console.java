package dev.muster.logs;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The terminal: one writer thread drains a bounded queue ({@value #MAX_LINES} lines and
 * {@value #MAX_CHARS} characters), writing everything waiting in one go, so a slow terminal never
 * blocks the threads that read children's pipes. When the queue is full, lines are dropped from
 * the console only (they still reach log files and tails) and the count is shown
 * ("console: N lines dropped …"). Lines are prefixed with their source's name in a column, colored
 * when {@code color} is on.
 */
public final class Console implements AutoCloseable {
    static final int MAX_LINES = 16_384;
    static final int MAX_CHARS = 4 * 1024 * 1024;
    private static final String[] COLORS = {"36", "33", "32", "35", "34", "91", "96", "93", "92", "95"};
    private static final String RESET = "\u001b[0m";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean color;
    private final int width;
    private final Map<String, String> prefixes = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private ArrayDeque<Entry> queue = new ArrayDeque<>();
    private long queuedChars;
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
        this.color = color;
        this.width = Math.max(width, "muster".length());
        Thread writer = new Thread(this::drain, "muster-console");
        writer.setDaemon(true);
        writer.start();
    }

    /** Color only on a terminal, when NO_COLOR is unset or empty (https://no-color.org) and TERM is not dumb. */
    public static boolean colorWanted(Map<String, String> env) {
        return System.console() != null && colorAllowed(env);
    }

    /** What the environment says about color, whatever the terminal. */
    static boolean colorAllowed(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }

    /** A line from a service, on stdout. Never blocks. */
    public void line(String source, String text) {
        offer(new Entry(out, source, text));
    }

    /** A line from muster itself, on stdout. Never blocks. */
    public void info(String text) {
        line("muster", text);
    }

    /** A line from muster itself, on stderr. Never blocks. */
    public void error(String text) {
        offer(new Entry(err, "muster", text));
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

    private String prefix(String source) {
        return prefixes.computeIfAbsent(source, name -> {
            String padded = String.format("%-" + width + "s | ", name);
            if (!color) {
                return padded;
            }
            String code = "muster".equals(name) ? "1" : COLORS[prefixes.size() % COLORS.length];
            return "\u001b[" + code + "m" + padded + RESET;
        });
    }

    private void offer(Entry entry) {
        synchronized (lock) {
            if (queue.size() >= MAX_LINES || queuedChars + entry.text().length() > MAX_CHARS) {
                dropped++;
                return;
            }
            boolean wake = queue.isEmpty();
            queue.addLast(entry);
            queuedChars += entry.text().length();
            queued++;
            if (wake) {
                lock.notifyAll();
            }
        }
    }

    private void drain() {
        ArrayDeque<Entry> batch = new ArrayDeque<>();
        StringBuilder text = new StringBuilder(64 * 1024);
        try {
            while (true) {
                long lost;
                synchronized (lock) {
                    while (queue.isEmpty()) {
                        lock.wait();
                    }
                    ArrayDeque<Entry> full = queue;
                    queue = batch;
                    batch = full;
                    queuedChars = 0;
                    lost = dropped;
                    dropped = 0;
                }
                if (lost > 0) {
                    batch.addFirst(new Entry(out, "muster", "console: " + lost + " lines dropped, the console could not keep up"
                            + " (they still reach the tail and any log: file)"));
                }
                int count = write(batch, text);
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
    private int write(ArrayDeque<Entry> batch, StringBuilder text) {
        int count = batch.size();
        PrintStream stream = null;
        for (Entry entry = batch.poll(); entry != null; entry = batch.poll()) {
            if (entry.stream() != stream && stream != null) {
                print(stream, text);
            }
            stream = entry.stream();
            text.append(prefix(entry.source())).append(entry.text()).append(System.lineSeparator());
        }
        if (stream != null) {
            print(stream, text);
        }
        return count;
    }

    private static void print(PrintStream stream, StringBuilder text) {
        stream.append(text);
        stream.flush();
        text.setLength(0);
    }

    @Override
    public void close() {
        flush();
    }

    private record Entry(PrintStream stream, String source, String text) {
    }
}
