package dev.muster.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the boot record ({@value #FILE} in the run directory) up to date: after every change, one
 * writer thread writes the latest {@link StatusDocument} to a temporary file and renames it over
 * the record, so a reader sees the old or the new record, never half of one. Changes that arrive
 * while it writes are folded into the next write. Idle between changes (no polling).
 */
final class BootRecorder {
    static final String FILE = StatusDocument.RECORD_FILE;

    private final Path dir;
    private final Supplier<StatusDocument> document;
    private final Json json;
    private final Consumer<String> warn;
    private final Thread writer;
    private final Object writeLock = new Object();
    private boolean dirty;
    private boolean closed;
    private boolean failed;

    /** @param warn told once, when the record cannot be written */
    BootRecorder(Path dir, Supplier<StatusDocument> document, Json json, Consumer<String> warn) {
        this.dir = dir;
        this.document = document;
        this.json = json;
        this.warn = warn;
        this.writer = new Thread(this::run, "muster-boot-record");
        writer.setDaemon(true);
        writer.start();
    }

    Path file() {
        return dir.resolve(FILE);
    }

    /** Schedules a write of the latest state. Never blocks. */
    synchronized void changed() {
        dirty = true;
        notifyAll();
    }

    /** Writes the final state now and stops the writer thread. */
    void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write();
    }

    private void run() {
        while (true) {
            synchronized (this) {
                while (!dirty && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
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
