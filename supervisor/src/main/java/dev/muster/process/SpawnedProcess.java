package dev.muster.process;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child started by {@link Spawner}, as a {@link Process}: its merged stdout and stderr are
 * {@link #getInputStream()}; it has no stdin to write and no separate stderr. Its exit value comes
 * from the {@link ChildReaper}, as Java reports one (the exit code, or 128+N for death by signal N).
 */
final class SpawnedProcess extends Process {
    private final long pid;
    private final InputStream output;
    private final CompletableFuture<Integer> exitValue;
    private final CompletableFuture<Process> exited;

    /** @param exitValue completed with the child's exit value once it has been reaped */
    SpawnedProcess(long pid, InputStream output, CompletableFuture<Integer> exitValue) {
        this.pid = pid;
        this.output = output;
        this.exitValue = exitValue;
        this.exited = exitValue.thenApply(code -> this);
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return output;
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public int waitFor() throws InterruptedException {
        try {
            return exitValue.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            exitValue.get(timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public int exitValue() {
        if (!exitValue.isDone()) {
            throw new IllegalThreadStateException("process " + pid + " has not exited");
        }
        return exitValue.join();
    }

    /** SIGTERM, unless it has been reaped (then the pid may be another process's). */
    @Override
    public void destroy() {
        send(Signal.TERM);
    }

    @Override
    public Process destroyForcibly() {
        send(Signal.KILL);
        return this;
    }

    private void send(Signal signal) {
        if (!exitValue.isDone()) {
            LibC.INSTANCE.kill((int) pid, signal.number());
        }
    }

    @Override
    public boolean isAlive() {
        return !exitValue.isDone();
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return exited;
    }

    @Override
    public ProcessHandle toHandle() {
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("process " + pid + " is gone"));
    }
}
