package dev.muster.supervisor;

import dev.muster.process.ExitStatus;
import dev.muster.process.Signal;
import dev.muster.process.Workload;
import dev.muster.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A workload the test ends: {@link #exit(int)}; it obeys stop signals unless told to ignore them. */
final class FakeWorkload implements Workload {
    private final long pid;
    private final FakeTime time;
    private final Instant started;
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    private final List<Signal> signals = new CopyOnWriteArrayList<>();
    private final List<Duration> stopTimeouts = new CopyOnWriteArrayList<>();
    private volatile boolean ignoresStop;
    private volatile Instant ended;

    FakeWorkload(long pid, FakeTime time) {
        this.pid = pid;
        this.time = time;
        this.started = time.now();
    }

    /** It ignores its stop signal, so only SIGKILL ends it. */
    void ignoreStopSignal() {
        ignoresStop = true;
    }

    void exit(int code) {
        ended = time.now();
        exit.complete(new ExitStatus(code));
    }

    List<Signal> signals() {
        return List.copyOf(signals);
    }

    /** The timeout of every stop it was given, in order. */
    List<Duration> stopTimeouts() {
        return List.copyOf(stopTimeouts);
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
        signals.add(signal);
        stopTimeouts.add(timeout);
        if (exit.isDone()) {
            return new StopResult(exit.join(), false, Duration.ZERO);
        }
        boolean forced = ignoresStop && signal != Signal.KILL;
        if (forced) {
            time.advance(timeout);
            signals.add(Signal.KILL);
        }
        exit(128 + (forced ? Signal.KILL : signal).number());
        return new StopResult(exit.join(), forced, forced ? timeout : Duration.ofMillis(20));
    }

    @Override
    public void awaitOutput(Duration max) {
    }

    @Override
    public Duration runtime() {
        return Duration.between(started, ended == null ? time.now() : ended);
    }
}
