package dev.muster.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the boot record ({@value #FILE} in the run directory) up to date: after every change, one
 * writer thread writes the latest {@link StatusDocument} to a temporary file and renames it over
 * the record, so a reader sees the old or the new record, never half of one. Changes that arrive
 * while it writes are folded into the next write. Idle between changes (no polling): the writer
 * thread ends {@value #IDLE_SECONDS} s after the last write and is started again by the next change.
 */
final class BootRecorder {
    static final String FILE = StatusDocument.RECORD_FILE;
    static final long IDLE_SECONDS = 5;

    private final Path dir;
    private final Supplier<StatusDocument> document;
    private final Json json;
    private final Consumer<String> warn;
    private final ThreadPoolExecutor writer;
    private final Object writeLock = new Object();
    private boolean dirty;
    private boolean scheduled;
    private boolean closed;
    private boolean failed;

    /** @param warn told once, when the record cannot be written */
    BootRecorder(Path dir, Supplier<StatusDocument> document, Json json, Consumer<String> warn) {
        this.dir = dir;
        this.document = document;
        this.json = json;
        this.warn = warn;
        this.writer = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                ControlServer.daemons("muster-boot-record-"));
        writer.allowCoreThreadTimeOut(true);
    }

    Path file() {
        return dir.resolve(FILE);
    }

    /** Schedules a write of the latest state. Never blocks. */
    synchronized void changed() {
        dirty = true;
        if (!scheduled && !closed) {
            scheduled = true;
            writer.execute(this::drain);
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
        while (true) {
            synchronized (this) {
                if (!dirty || closed) {
                    scheduled = false;
                    return;
                }
                dirty = false;
            }
            write();
        }
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
