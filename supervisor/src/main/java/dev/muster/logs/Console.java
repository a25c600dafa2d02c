package dev.muster.logs;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The terminal: one writer thread drains a bounded queue, so a slow terminal never blocks the
 * threads that read children's pipes. When the queue is full, lines are dropped from the console
 * only (they still reach log files and tails) and the count is reported. Lines are prefixed with
 * their source's name in a column, colored when {@code color} is on.
 */
public final class Console implements AutoCloseable {
    private static final int CAPACITY = 16_384;
    private static final String[] COLORS = {"36", "33", "32", "35", "34", "91", "96", "93", "92", "95"};
    private static final String RESET = "\u001b[0m";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean color;
    private final int width;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Map<String, String> prefixes = new ConcurrentHashMap<>();
    private final Object progress = new Object();
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

    /** Color only on a terminal and when NO_COLOR is not set (https://no-color.org). */
    public static boolean colorWanted(Map<String, String> env) {
        return System.console() != null && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }

    /** A line from a service, on stdout. Never blocks. */
    public void line(String source, String text) {
        offer(new Entry(out, prefix(source) + text));
    }

    /** A line from muster itself, on stdout. Never blocks. */
    public void info(String text) {
        line("muster", text);
    }

    /** A line from muster itself, on stderr. Never blocks. */
    public void error(String text) {
        offer(new Entry(err, prefix("muster") + text));
    }

    /** Waits until everything queued before this call is written, at most 5 s. */
    public void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (progress) {
            long target = queued;
            while (written < target) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                try {
                    progress.wait(left);
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
        synchronized (progress) {
            if (queue.offer(entry)) {
                queued++;
            } else {
                dropped.incrementAndGet();
            }
        }
    }

    private void drain() {
        try {
            while (true) {
                Entry entry = queue.take();
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    out.println(prefix("muster") + "console too slow: " + lost + " lines not shown here (they are in the logs)");
                }
                entry.stream().println(entry.text());
                synchronized (progress) {
                    written++;
                    progress.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        flush();
    }

    private record Entry(PrintStream stream, String text) {
    }
}
