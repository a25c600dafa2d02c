package dev.muster.logs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last lines of a service's output, kept in memory for failure reports: at most
 * {@code capacity} lines and at most {@code maxChars} characters (older lines are dropped first,
 * the newest line is always kept), so memory stays bounded however long the lines. It starts small
 * and grows as lines come, so a quiet service's tail costs little. Thread-safe.
 */
public final class LogTail {
    /** The default character budget: 2 Mi characters (about 4 MB). */
    public static final long DEFAULT_MAX_CHARS = 2L * 1024 * 1024;

    private final int capacity;
    private final long maxChars;
    private final Deque<String> lines;
    private long chars;
    private long total;

    /** @param capacity how many lines are kept; older ones are dropped */
    public LogTail(int capacity) {
        this(capacity, DEFAULT_MAX_CHARS);
    }

    /** @param maxChars how many characters all kept lines may hold together */
    public LogTail(int capacity, long maxChars) {
        if (capacity < 1 || maxChars < 1) {
            throw new IllegalArgumentException("capacity and maxChars must be positive");
        }
        this.capacity = capacity;
        this.maxChars = maxChars;
        this.lines = new ArrayDeque<>();
    }

    public synchronized void add(String line) {
        lines.addLast(line);
        chars += line.length();
        total++;
        while (lines.size() > capacity || (chars > maxChars && lines.size() > 1)) {
            chars -= lines.removeFirst().length();
        }
    }

    /** Up to {@code n} of the most recent lines, oldest first. */
    public synchronized List<String> last(int n) {
        List<String> all = new ArrayList<>(lines);
        return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
    }

    /** How many lines were ever added, including those no longer kept. */
    public synchronized long total() {
        return total;
    }
}
