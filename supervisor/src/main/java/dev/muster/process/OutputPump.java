package dev.muster.process;

import dev.muster.threads.Daemons;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a child's output to its end with one thread and a {@link LineSplitter}, handing every
 * line to an {@link OutputListener} as soon as it is read. The child's stdout and stderr share
 * this one pipe ({@code 2>&1}), so lines arrive in exactly the order the child wrote them, which
 * two pipes read by two threads cannot promise (and lines are delivered as {@code STDOUT}).
 * {@link #drained()} completes at end of file: every process holding either descriptor closed it.
 * A reader that fails (the listener threw, memory ran out) completes {@link #failure()} and goes on
 * reading and discarding, so the child never blocks on a full pipe. A read that may wait uses a
 * small buffer; a large one is used while more is waiting and let go once the pipe is quiet, so an
 * idle service holds {@value #SMALL} bytes, not {@value #LARGE}.
 */
final class OutputPump {
    /**
     * The buffer of a read that may wait. Below 8 KiB the JDK's BufferedInputStream of the pipe reads
     * into its own 8 KiB buffer, and its native read uses an on-stack buffer, so a waiting read holds
     * no large heap or malloc'ed buffer.
     */
    static final int SMALL = 2 * 1024;
    /** The buffer of a read while more is waiting in the pipe (its default capacity). */
    static final int LARGE = 64 * 1024;
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private final CompletableFuture<Throwable> failure = new CompletableFuture<>();

    /** @param process a child started with {@code redirectErrorStream(true)} */
    OutputPump(Process process, OutputListener listener, int cap) {
        LineSplitter lines = new LineSplitter(listener, OutputListener.Stream.STDOUT, cap);
        InputStream in = process.getInputStream();
        Daemons.start("muster-output-" + process.pid(), () -> {
            try (in) {
                pump(in, lines, listener);
            } catch (IOException e) {
                failure.complete(e);
            } finally {
                drained.complete(null);
            }
        });
    }

    CompletableFuture<Void> drained() {
        return drained;
    }

    CompletableFuture<Throwable> failure() {
        return failure;
    }

    private void pump(InputStream in, LineSplitter lines, OutputListener listener) throws IOException {
        byte[] small = new byte[SMALL];
        byte[] large = null;
        byte[] buffer = small;
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                lines.feed(buffer, 0, n);
                if (in.available() > 0) {
                    large = large == null ? new byte[LARGE] : large;
                    buffer = large;
                    continue;
                }
                listener.idle();
                if (n < SMALL) {
                    large = null;
                }
                buffer = small;
            }
            lines.finish();
            listener.idle();
        } catch (RuntimeException | Error e) {
            failure.complete(e);
            discard(in, small);
        }
    }

    private static void discard(InputStream in, byte[] buffer) throws IOException {
        while (in.read(buffer) >= 0) {
            continue;
        }
    }
}
