package dev.muster.logs;

import dev.muster.threads.Daemons;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Writes one full buffer of a log file at a time on a background thread, so that the thread reading a
 * child's pipe goes on filling the next buffer instead of waiting in {@code write(2)}. At most one
 * write is under way: {@link #finish} waits for it, and must be called before the next {@link #start}
 * and before anything else touches the file. The thread is started on the first write and ends after
 * {@value #IDLE_SECONDS} s without one, so a quiet service has none. Not thread-safe: one caller.
 */
final class WriteBehind implements AutoCloseable {
    static final int IDLE_SECONDS = 5;

    private final String name;
    private ThreadPoolExecutor thread;
    private Future<?> pending;
    private ByteBuffer writing;
    private long unwritten;
    private boolean endedMidLine;

    /** @param name the file's name, for the thread's */
    WriteBehind(String name) {
        this.name = name;
    }

    /** Starts writing {@code full} (flipped: its remaining bytes) to {@code out}. */
    void start(WritableByteChannel out, ByteBuffer full) {
        if (thread == null) {
            thread = new ThreadPoolExecutor(0, 1, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    Daemons.named("muster-log-" + name));
        }
        writing = full;
        pending = thread.submit(() -> {
            writeFully(out, full);
            return null;
        });
    }

    /**
     * Waits for the write under way, if any; returns its buffer, cleared, for reuse (null when none).
     * When that write failed, throws its error; then {@link #unwritten} and {@link #endedMidLine} tell
     * what it left undone.
     */
    ByteBuffer finish() throws IOException {
        if (pending == null) {
            return null;
        }
        ByteBuffer done = writing;
        try {
            pending.get();
            done.clear();
            return done;
        } catch (ExecutionException e) {
            unwritten += done.remaining();
            endedMidLine = done.position() > 0 && done.get(done.position() - 1) != '\n';
            done.clear();
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a log file write");
        } finally {
            pending = null;
            writing = null;
        }
    }

    /** Bytes that failed writes left unwritten since the last call; resets the count. */
    long unwritten() {
        long lost = unwritten;
        unwritten = 0;
        return lost;
    }

    /** Whether the last failed write stopped in the middle of a line. */
    boolean endedMidLine() {
        return endedMidLine;
    }

    /** Writes all of {@code bytes}' remaining bytes; a channel that takes none is an error. */
    static long writeFully(WritableByteChannel out, ByteBuffer bytes) throws IOException {
        long written = 0;
        while (bytes.hasRemaining()) {
            int n = out.write(bytes);
            if (n == 0) {
                throw new IOException("the log file accepted no bytes");
            }
            written += n;
        }
        return written;
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.shutdown();
        }
    }
}
