package dev.muster.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.muster.process.OutputListener;
import dev.muster.process.LineSplitter;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Receives a container's followed log stream (frames of stdout and stderr) and hands it on as
 * lines, without terminators ({@code \r\n} too), each stream cut by its own {@link LineSplitter}
 * (so a line longer than 64 KiB comes in pieces). A last line without a newline is delivered when
 * the stream ends. {@link #done()} completes when the stream has ended: the container stopped,
 * or the engine went away.
 */
final class LogLines extends ResultCallback.Adapter<Frame> {
    private final OutputListener listener;
    private final Map<OutputListener.Stream, LineSplitter> partial = new EnumMap<>(OutputListener.Stream.class);
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
        byte[] payload = frame.getPayload();
        partial.computeIfAbsent(stream, s -> new LineSplitter(listener, s, LineSplitter.DEFAULT_CAP))
                .feed(payload, 0, payload.length);
        listener.idle();
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
        partial.values().forEach(LineSplitter::finish);
        done.complete(null);
    }
}
