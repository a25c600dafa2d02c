package dev.muster.logs;

import dev.muster.process.OutputListener;
import dev.muster.profile.LogSpec;
import dev.muster.secret.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where one service's output goes: its log file (if configured), its in-memory tail, the console,
 * and any listeners (such as a {@code log} readiness probe). Every line is redacted first, so no
 * secret reaches any of them. Lines of stdout and stderr are handled one at a time under one
 * lock, so all of them see the same order: the order in which muster read them. Called from the
 * pipe-draining threads. The file is written through a buffer, flushed when the pipes go idle
 * and at {@link #close}.
 */
public final class ServiceLog implements OutputListener, AutoCloseable {
    /** Lines kept in memory per service, whatever {@code control.tail} shows. */
    public static final int TAIL_CAPACITY = 1000;

    private final String service;
    private final Console console;
    private final Redactor redactor;
    private final LogTail tail = new LogTail(TAIL_CAPACITY);
    private final LogFileWriter file;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Stream, Redactor.Pending> pending = new EnumMap<>(Stream.class);
    private boolean splitNoticed;

    /**
     * @param spec     the log file settings, or null for console and memory only
     * @param redactor hides the secrets this service could print (see {@link Redactor#including})
     * @param clock    times the retries of a failing log file
     */
    public ServiceLog(String service, Console console, LogSpec spec, Redactor redactor, Clock clock) {
        this.service = service;
        this.console = console;
        this.redactor = redactor;
        try {
            this.file = spec == null ? null : new LogFileWriter(new RotatingLogFile(spec), spec.file(), clock,
                    notice -> console.error(service + ": " + notice));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open log file " + spec.file() + " of " + service + ": " + e, e);
        }
    }

    @Override
    public synchronized void line(Stream stream, String text) {
        Redactor.Pending before = pending.isEmpty() ? null : pending.remove(stream);
        deliver(before == null ? redactor.redact(text) : redactor.redactPart(before, text, true).shown());
    }

    /** A piece of an over-long line: shown as a line of its own, minus an end that could be the start of a secret. */
    @Override
    public synchronized void piece(Stream stream, String text) {
        if (!splitNoticed) {
            splitNoticed = true;
            console.info(service + ": a line longer than 64 KiB was split into lines of at most 64 KiB"
                    + " (said once; later long lines are split too)");
        }
        Redactor.Split split = redactor.redactPart(pending.getOrDefault(stream, Redactor.Pending.NONE), text, false);
        pending.put(stream, split.pending());
        if (!split.shown().isEmpty()) {
            deliver(split.shown());
        }
    }

    @Override
    public synchronized void idle() {
        if (file != null) {
            file.flush();
        }
    }

    private void deliver(String shown) {
        tail.add(shown);
        if (file != null) {
            file.write(shown);
        }
        console.line(service, shown);
        for (Consumer<String> listener : listeners) {
            listener.accept(shown);
        }
    }

    /** Lines written before a listener is added are not replayed. Listeners see redacted lines. */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }

    public LogTail tail() {
        return tail;
    }

    /** Why the {@code log:} file is not written at the moment, for {@code /status}; empty while it works. */
    public synchronized Optional<FileProblem> fileProblem() {
        return file == null ? Optional.empty() : file.problem();
    }

    /** Bytes of output the {@code log:} file never got, over the whole run (0 without a file). */
    public synchronized long fileBytesDropped() {
        return file == null ? 0 : file.droppedTotal();
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
