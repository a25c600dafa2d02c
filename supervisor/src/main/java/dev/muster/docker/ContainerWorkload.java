package dev.muster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import dev.muster.process.ExitStatus;
import dev.muster.process.Signal;
import dev.muster.process.Sleeper;
import dev.muster.process.StopSequence;
import dev.muster.process.Workload;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A started container as a {@link Workload}. Its end is the engine's {@code wait} answer (a
 * streamed request that returns when the container stops; nothing polls); its output is the
 * followed log stream. Stopping is {@code docker kill --signal}, the timeout, then SIGKILL;
 * the container is removed once it has ended and its output has been read.
 */
final class ContainerWorkload implements Workload {
    private final DockerClient client;
    private final String id;
    private final long pid;
    private final CompletableFuture<ExitStatus> exit;
    private final CompletableFuture<Void> output;
    private final long startNanos = System.nanoTime();
    private volatile long exitNanos;

    /**
     * @param exit   completes with the container's exit code
     * @param output completes when its log stream has ended
     */
    ContainerWorkload(DockerClient client, String id, long pid, CompletableFuture<ExitStatus> exit,
                      CompletableFuture<Void> output) {
        this.client = client;
        this.id = id;
        this.pid = pid;
        this.exit = exit.whenComplete((status, error) -> exitNanos = System.nanoTime());
        this.output = output;
    }

    /** The container's id. */
    String id() {
        return id;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public CompletableFuture<ExitStatus> exit() {
        return exit;
    }

    @Override
    public StopResult stop(Signal signal, Duration timeout) {
        long started = System.nanoTime();
        boolean forced = StopSequence.run(exit, this::kill, signal, timeout);
        awaitOutput(Duration.ofSeconds(2));
        return new StopResult(exit.getNow(null), forced, Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public void awaitOutput(Duration max) {
        Sleeper.system().sleep(max, output);
    }

    @Override
    public Duration runtime() {
        long end = exit.isDone() ? exitNanos : System.nanoTime();
        return Duration.ofNanos(end - startNanos);
    }

    /** Removes the container (it must have ended, or it is killed); a container already gone is fine. */
    void remove() {
        try {
            client.removeContainerCmd(id).withForce(true).exec();
        } catch (DockerException e) {
            // Already removed (404) or being removed (409).
        } catch (RuntimeException e) {
            // The engine went away; nothing more can be done from here.
        }
    }

    private void kill(Signal signal) {
        try {
            client.killContainerCmd(id).withSignal(signal.fullName()).exec();
        } catch (DockerException e) {
            // 409: it is not running any more; its exit is on its way.
        }
    }
}
