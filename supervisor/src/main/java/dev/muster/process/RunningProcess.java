package dev.muster.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A child started by {@link ProcessLauncher}. It leads its own session and process group, so
 * signals sent to the group reach every process it started that did not leave the group.
 */
public final class RunningProcess implements Workload {
    private final Process process;
    private final OutputPump pumps;
    private final Signals signals;
    private final CompletableFuture<ExitStatus> exit;
    private final long startNanos = System.nanoTime();
    private volatile long exitNanos;

    RunningProcess(Process process, OutputPump pumps, Signals signals) {
        this.process = process;
        this.pumps = pumps;
        this.signals = signals;
        this.exit = process.onExit().thenApply(p -> {
            exitNanos = System.nanoTime();
            return new ExitStatus(p.exitValue());
        });
    }

    /** How long the child ran: until its exit, or until now while it runs. */
    @Override
    public Duration runtime() {
        long end = exit.isDone() ? exitNanos : System.nanoTime();
        return Duration.ofNanos(end - startNanos);
    }

    @Override
    public long pid() {
        return process.pid();
    }

    /** Completes the moment the child exits (Java's process reaper wakes on SIGCHLD; nothing polls). */
    @Override
    public CompletableFuture<ExitStatus> exit() {
        return exit;
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    /** Sends a signal to the whole process group; false when the group is gone. */
    public boolean signal(Signal signal) {
        return signals.signalGroup(pid(), signal);
    }

    /**
     * Stops the child: {@code signal} to its group, up to {@code timeout} for it to exit, then
     * SIGKILL to the group. Any process left in the group after the leader exits is killed too, so
     * after a crash {@code stop(KILL, ZERO)} cleans up what the dead leader left behind.
     * Blocks until the child has exited and its output has been read; the elapsed time excludes that read.
     */
    @Override
    public StopResult stop(Signal signal, Duration timeout) {
        long started = System.nanoTime();
        boolean forced = StopSequence.run(exit, this::signal, signal, timeout);
        signals.signalGroup(pid(), Signal.KILL);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        awaitOutput(Duration.ofSeconds(1));
        return new StopResult(exit.getNow(null), forced, elapsed);
    }

    /**
     * Waits until the output pipe reached end of file (stdout and stderr share it), so every line
     * the child wrote on either has been delivered, or {@code max} passed (a grandchild that left
     * the group still holds the pipe open).
     */
    @Override
    public void awaitOutput(Duration max) {
        Sleeper.system().sleep(max, pumps.drained());
    }

    /** Completes with the cause if a reader of the child's output failed; never completes otherwise. */
    @Override
    public CompletableFuture<Throwable> outputFailure() {
        return pumps.failure();
    }
}
