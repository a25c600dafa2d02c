package dev.muster.supervisor;

import dev.muster.process.AttachedProcess;
import dev.muster.process.ExitStatus;
import dev.muster.process.ProcessLauncher;
import dev.muster.process.Signal;
import dev.muster.process.UserId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code muster run}'s command as a real process attached to muster's terminal, with a service's
 * user, working directory and environment. A forwarded signal that it outlives by
 * {@code stopTimeout} is followed by SIGKILL, so a command that ignores SIGTERM cannot hold the
 * stack (and PostgreSQL's clean shutdown) forever.
 */
public final class OneOffCommand implements OneOff {
    private final ProcessLauncher launcher;
    private final List<String> argv;
    private final Map<String, String> env;
    private final Path cwd;
    private final UserId user;
    private final Duration stopTimeout;
    private final Consumer<String> info;
    private final boolean terminal;
    private AttachedProcess process;
    private boolean closed;

    /**
     * @param argv        the command, its program already resolved to a file
     * @param env         added to muster's own environment
     * @param user        the account to run as; null for muster's own
     * @param stopTimeout how long it gets after a forwarded signal before SIGKILL
     * @param info        told when SIGKILL was needed
     * @param terminal    whether muster runs on a terminal: then a SIGINT is the terminal's Ctrl-C, which
     *                    the kernel already sent to the command (it shares muster's process group), so
     *                    it is not sent a second time; only the stop timeout starts
     */
    public OneOffCommand(ProcessLauncher launcher, List<String> argv, Map<String, String> env, Path cwd, UserId user,
                         Duration stopTimeout, Consumer<String> info, boolean terminal) {
        this.launcher = launcher;
        this.argv = List.copyOf(argv);
        this.env = Map.copyOf(env);
        this.cwd = cwd;
        this.user = user;
        this.stopTimeout = stopTimeout;
        this.info = info;
        this.terminal = terminal;
    }

    @Override
    public Optional<ExitStatus> run() {
        AttachedProcess started;
        synchronized (this) {
            if (closed) {
                return Optional.empty();
            }
            process = launcher.attach(argv, env, cwd, user);
            started = process;
        }
        return Optional.of(started.exit().join());
    }

    @Override
    public boolean forward(Signal signal) {
        AttachedProcess running = running();
        boolean alreadySent = terminal && signal == Signal.INT;
        if (running == null || running.exit().isDone() || !(alreadySent || running.signal(signal))) {
            return false;
        }
        CompletableFuture.delayedExecutor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (running.signal(Signal.KILL)) {
                info.accept(describe() + " was still running " + stopTimeout.toSeconds() + "s after "
                        + signal.fullName() + ": sent SIGKILL");
            }
        });
        return true;
    }

    @Override
    public void stop() {
        AttachedProcess running;
        synchronized (this) {
            closed = true;
            running = process;
        }
        if (running != null && forward(Signal.TERM)) {
            running.exit().join();
        }
    }

    @Override
    public String describe() {
        return "the command " + String.join(" ", argv);
    }

    private synchronized AttachedProcess running() {
        return process;
    }
}
