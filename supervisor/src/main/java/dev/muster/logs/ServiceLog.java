package dev.muster.logs;

import dev.muster.process.OutputListener;
import dev.muster.profile.LogSpec;
import dev.muster.secret.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where one service's output goes: its log file (if configured), its in-memory tail, the console,
 * and any listeners (such as a {@code log} readiness probe). Every line is redacted first, so no
 * secret reaches any of them. Lines of stdout and stderr are handled one at a time under one
 * lock, so all of them see the same order: the order in which muster read them. Called from the
 * pipe-draining threads. The file is written through a buffer, flushed when the pipes go idle
 * and at {@link #close}.
 *
 * <p>A line that comes as plain ASCII bytes which the redactor's screen finds clean (the common
 * line) is never decoded for the file or the console: its bytes are copied to the file's buffer and
 * to a batch for the console, handed over when the pipe goes idle or the batch is full (or when
 * muster is about to say something about the service, {@link #handOverToConsole}). Any other
 * line is decoded and redacted as text, the batch handed over before it, so the order holds; when
 * such a line needed no mask and was valid UTF-8, the file still gets the bytes as read.
 */
public final class ServiceLog implements OutputListener, AutoCloseable {
    /** Lines kept in memory per service, whatever {@code control.tail} shows. */
    public static final int TAIL_CAPACITY = 1000;

    private final String service;
    private final Console console;
    private final Redactor redactor;
    private final LogTail tail = new LogTail(TAIL_CAPACITY);
    private final LogFileWriter file;
    /** Copied on every change (rare), so that telling them of a line allocates nothing. */
    private volatile Consumer<String>[] listeners = none();
    private final Map<Stream, Redactor.Pending> pending = new EnumMap<>(Stream.class);
    private final Object listenerLock = new Object();
    private boolean splitNoticed;
    private final ConsoleBatch batch = new ConsoleBatch();

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
                    notice -> {
                        batch.handTo(console, service);
                        console.error(service + ": " + notice);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open log file " + spec.file() + " of " + service + ": " + e, e);
        }
    }

    @Override
    public synchronized void line(Stream stream, byte[] bytes, int from, int to, boolean ascii) {
        if (!pending.isEmpty()) {
            line(stream, new String(bytes, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        } else if (ascii) {
            if (redactor.isCleanAscii(bytes, from, to)) {
                clean(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1), bytes, from, to, true);
            } else {
                deliver(redactor.redact(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1)));
            }
        } else {
            String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
            String shown = redactor.redact(text);
            if (shown == text && text.indexOf('\uFFFD') < 0) {
                clean(text, bytes, from, to, false);
            } else {
                deliver(shown);
            }
        }
    }

    /**
     * A line that needs no mask, with the bytes it was read as (valid UTF-8, so they are its encoding):
     * the file gets those bytes; the console gets them too when they are plain ASCII (they then read
     * the same in the console's charset), else the text.
     */
    private void clean(String text, byte[] bytes, int from, int to, boolean ascii) {
        tail.add(text);
        if (file != null) {
            file.write(bytes, from, to);
        }
        if (!ascii) {
            batch.handTo(console, service);
            console.line(service, text);
        } else if (batch.add(bytes, from, to)) {
            batch.handTo(console, service);
        }
        for (Consumer<String> listener : listeners) {
            listener.accept(text);
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
        batch.handTo(console, service);
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
        batch.handTo(console, service);
        batch.trim();
        if (file != null) {
            file.flush();
        }
    }

    private void deliver(String shown) {
        tail.add(shown);
        if (file != null) {
            file.write(shown);
        }
        batch.handTo(console, service);
        console.line(service, shown);
        for (Consumer<String> listener : listeners) {
            listener.accept(shown);
        }
    }

    /**
     * Hands the lines read so far to the console, so that a line muster prints next about this service
     * (its "ready in" after a {@code log} probe matched) comes after the output that led to it: a clean
     * ASCII line reaches the console with its batch, which is handed over when the pipe goes idle, after
     * the listeners were told of it. Takes only the batch's lock, not this log's: the reader thread
     * holds that one while it writes the log file, and a slow disk must not hold up a service's ready.
     */
    public void handOverToConsole() {
        batch.handTo(console, service);
    }

    /** Lines written before a listener is added are not replayed. Listeners see redacted lines. */
    public void addListener(Consumer<String> listener) {
        synchronized (listenerLock) {
            Consumer<String>[] more = Arrays.copyOf(listeners, listeners.length + 1);
            more[listeners.length] = listener;
            listeners = more;
        }
    }

    public void removeListener(Consumer<String> listener) {
        synchronized (listenerLock) {
            List<Consumer<String>> left = new ArrayList<>(Arrays.asList(listeners));
            left.remove(listener);
            listeners = left.toArray(none());
        }
    }

    @SuppressWarnings("unchecked")
    private static Consumer<String>[] none() {
        return (Consumer<String>[]) new Consumer<?>[0];
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
        batch.handTo(console, service);
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                console.error(service + ": closing its log file failed: " + e);
            }
        }
    }
}
