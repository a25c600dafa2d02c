package dev.muster.logs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last lines of a service's output, kept in memory for failure reports. Thread-safe. */
public final class LogTail {
    private final int capacity;
    private final Deque<String> lines;
    private long total;

    /** @param capacity how many lines are kept; older ones are dropped */
    public LogTail(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
        total++;
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
