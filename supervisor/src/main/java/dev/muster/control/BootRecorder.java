package dev.muster.control;

import dev.muster.threads.Daemons;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the boot record ({@value #FILE} in the run directory) up to date: after every change, one
 * writer thread writes the latest {@link StatusDocument} to a temporary file and renames it over
 * the record, so a reader sees the old or the new record, never half of one. Writes begin at most
 * every {@value #INTERVAL_MS} ms: the changes of a busy boot (hundreds with many services, each
 * worth a whole document) are folded into the next write, which is at most that late. A process
 * that was launched or ended ({@link #changedSoon()}) is written within {@value #SOON_MS} ms (if muster
 * is killed, the next boot stops what the record says still runs), the final state at once
 * ({@link #close()}). Idle between changes (no polling): the writer
 * thread ends {@value #IDLE_SECONDS} s after the last write and is started again by the next change.
 */
final class BootRecorder {
    static final String FILE = StatusDocument.RECORD_FILE;
    static final long IDLE_SECONDS = 5;
    static final long INTERVAL_MS = 100;
    static final long SOON_MS = 20;

    private final Path dir;
    private final Supplier<StatusDocument> document;
    private final Json json;
    private final Consumer<String> warn;
    private final ScheduledThreadPoolExecutor writer;
    private final long interval;
    private final long soon;
    private final Object writeLock = new Object();
    /** The write that will run, null when none is scheduled. */
    private ScheduledFuture<?> pending;
    /** System.nanoTime() when the last write began. */
    private long lastWrite = System.nanoTime() - Long.MAX_VALUE / 2;
    private boolean closed;
    private boolean failed;

    /** @param warn told once, when the record cannot be written */
    BootRecorder(Path dir, Supplier<StatusDocument> document, Json json, Consumer<String> warn) {
        this(dir, document, json, warn, Duration.ofMillis(INTERVAL_MS), Duration.ofMillis(SOON_MS));
    }

    /**
     * @param interval the least time between the starts of two writes
     * @param soon     the same after {@link #changedSoon()}
     */
    BootRecorder(Path dir, Supplier<StatusDocument> document, Json json, Consumer<String> warn, Duration interval,
                 Duration soon) {
        this.interval = interval.toNanos();
        this.soon = soon.toNanos();
        this.dir = dir;
        this.document = document;
        this.json = json;
        this.warn = warn;
        this.writer = new ScheduledThreadPoolExecutor(1, Daemons.numbered("muster-boot-record-"));
        writer.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
        writer.allowCoreThreadTimeOut(true);
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    Path file() {
        return dir.resolve(FILE);
    }

    /** Schedules a write of the latest state, within {@value #INTERVAL_MS} ms. Never blocks. */
    synchronized void changed() {
        schedule(interval);
    }

    /** Schedules a write of the latest state within {@value #SOON_MS} ms: a process was launched or ended. Never blocks. */
    synchronized void changedSoon() {
        schedule(soon);
    }

    private void schedule(long after) {
        if (closed) {
            return;
        }
        long delay = Math.max(0, lastWrite + after - System.nanoTime());
        if (pending != null && pending.getDelay(TimeUnit.NANOSECONDS) > delay && pending.cancel(false)) {
            pending = null;
        }
        if (pending == null) {
            pending = writer.schedule(this::drain, delay, TimeUnit.NANOSECONDS);
        }
    }

    /** Writes the final state now (after a write in progress) and ends the writer thread. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        writer.shutdown();
        write();
    }

    private void drain() {
        synchronized (this) {
            pending = null;
            if (closed) {
                return;
            }
            lastWrite = System.nanoTime();
        }
        write();
    }

    private void write() {
        synchronized (writeLock) {
            writeLocked();
        }
    }

    private void writeLocked() {
        if (failed) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path temp = dir.resolve("." + FILE + "." + ProcessHandle.current().pid() + ".tmp");
            Files.writeString(temp, json.pretty(document.get()) + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            failed = true;
            warn.accept("cannot write the boot record " + file() + " (" + e + "); `muster status` will not be able to"
                    + " report this boot once muster has stopped. Set control.run_dir to a writable directory");
        }
    }
}
