package dev.muster.process;

import java.util.concurrent.CompletableFuture;

/**
 * A child attached to muster's terminal ({@link ProcessLauncher#attach}): it shares muster's
 * stdin, stdout, stderr and process group, so signals go to it alone, never to a group.
 */
public final class AttachedProcess {
    private final Process process;
    private final Signals signals;
    private final CompletableFuture<ExitStatus> exit;

    AttachedProcess(Process process, Signals signals) {
        this.process = process;
        this.signals = signals;
        this.exit = process.onExit().thenApply(p -> new ExitStatus(p.exitValue()));
    }

    public long pid() {
        return process.pid();
    }

    /** Completes when it exits: its code, or 128+N for death by signal N. */
    public CompletableFuture<ExitStatus> exit() {
        return exit;
    }

    /** Sends {@code signal} to this process only; false when it has exited. */
    public boolean signal(Signal signal) {
        return !exit.isDone() && signals.signal(pid(), signal);
    }
}
