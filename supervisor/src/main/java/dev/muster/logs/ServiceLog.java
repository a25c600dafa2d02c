package dev.muster.logs;

import dev.muster.process.OutputListener;
import dev.muster.profile.LogSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where one service's output goes: its log file (if configured), its in-memory tail, the console,
 * and any listeners (such as a {@code log} readiness probe). Called from the pipe-draining threads.
 */
public final class ServiceLog implements OutputListener, AutoCloseable {
    /** Lines kept in memory per service, whatever {@code control.tail} shows. */
    public static final int TAIL_CAPACITY = 1000;

    private final String service;
    private final Console console;
    private final LogTail tail = new LogTail(TAIL_CAPACITY);
    private final RotatingLogFile file;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private volatile String fileError;

    /** @param spec the log file settings, or null for console and memory only */
    public ServiceLog(String service, Console console, LogSpec spec) {
        this.service = service;
        this.console = console;
        try {
            this.file = spec == null ? null : new RotatingLogFile(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open log file " + spec.file() + " of " + service + ": " + e, e);
        }
    }

    @Override
    public void line(Stream stream, String text) {
        tail.add(text);
        synchronized (this) {
            writeFile(text);
        }
        console.line(service, text);
        for (Consumer<String> listener : listeners) {
            listener.accept(text);
        }
    }

    /** Lines written before a listener is added are not replayed. */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }

    public LogTail tail() {
        return tail;
    }

    private void writeFile(String text) {
        if (file == null || fileError != null) {
            return;
        }
        try {
            file.write(text);
        } catch (IOException e) {
            fileError = e.toString();
            console.error(service + ": writing its log file failed, console and memory only from now on: " + e);
        }
    }

    @Override
    public synchronized void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                console.error(service + ": closing its log file failed: " + e);
            }
        }
    }
}
