package dev.muster.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.muster.process.OutputListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Receives a container's followed log stream (frames of stdout and stderr) and hands it on as
 * lines, without terminators ({@code \r\n} too). A last line without a newline is delivered when
 * the stream ends. {@link #done()} completes when the stream has ended: the container stopped,
 * or the engine went away.
 */
final class LogLines extends ResultCallback.Adapter<Frame> {
    private final OutputListener listener;
    private final Map<OutputListener.Stream, ByteArrayOutputStream> partial = new EnumMap<>(OutputListener.Stream.class);
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    LogLines(OutputListener listener) {
        this.listener = listener;
    }

    CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public synchronized void onNext(Frame frame) {
        OutputListener.Stream stream = frame.getStreamType() == StreamType.STDERR
                ? OutputListener.Stream.STDERR : OutputListener.Stream.STDOUT;
        ByteArrayOutputStream buffer = partial.computeIfAbsent(stream, s -> new ByteArrayOutputStream());
        for (byte b : frame.getPayload()) {
            if (b == '\n') {
                emit(stream, buffer);
            } else {
                buffer.write(b);
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        finish();
    }

    @Override
    public void onComplete() {
        finish();
    }

    private synchronized void finish() {
        partial.forEach((stream, buffer) -> {
            if (buffer.size() > 0) {
                emit(stream, buffer);
            }
        });
        done.complete(null);
    }

    private void emit(OutputListener.Stream stream, ByteArrayOutputStream buffer) {
        String line = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        listener.line(stream, line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
