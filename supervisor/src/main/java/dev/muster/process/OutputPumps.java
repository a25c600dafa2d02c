package dev.muster.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a child's stdout and stderr to their end, each with its own thread and
 * {@link LineSplitter}, and hands every line to one {@link OutputListener} as soon as it is read.
 * {@link #drained()} completes when both pipes reached end of file (every process that held them
 * closed them). A reader that fails (the listener threw, memory ran out) completes
 * {@link #failure()} and goes on reading and discarding, so the child never blocks on a full pipe.
 */
final class OutputPumps {
    private final CompletableFuture<Void> stdout = new CompletableFuture<>();
    private final CompletableFuture<Void> stderr = new CompletableFuture<>();
    private final CompletableFuture<Void> drained = CompletableFuture.allOf(stdout, stderr);
    private final CompletableFuture<Throwable> failure = new CompletableFuture<>();

    OutputPumps(Process process, OutputListener listener, int cap) {
        start(process.getInputStream(), new LineSplitter(listener, OutputListener.Stream.STDOUT, cap), listener,
                stdout, "muster-stdout-" + process.pid());
        start(process.getErrorStream(), new LineSplitter(listener, OutputListener.Stream.STDERR, cap), listener,
                stderr, "muster-stderr-" + process.pid());
    }

    CompletableFuture<Void> drained() {
        return drained;
    }

    CompletableFuture<Throwable> failure() {
        return failure;
    }

    private void start(InputStream in, LineSplitter lines, OutputListener listener, CompletableFuture<Void> done,
                       String name) {
        Thread reader = new Thread(() -> {
            try (in) {
                pump(in, lines, listener);
            } catch (IOException e) {
                failure.complete(e);
            } finally {
                done.complete(null);
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(InputStream in, LineSplitter lines, OutputListener listener) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                lines.feed(buffer, 0, n);
                if (in.available() == 0) {
                    listener.idle();
                }
            }
            lines.finish();
            listener.idle();
        } catch (RuntimeException | Error e) {
            failure.complete(e);
            discard(in, buffer);
        }
    }

    private static void discard(InputStream in, byte[] buffer) throws IOException {
        while (in.read(buffer) >= 0) {
            continue;
        }
    }
}
