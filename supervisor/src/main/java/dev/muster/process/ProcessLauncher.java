package dev.muster.process;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.threads.Daemons;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts children. Each child is started through util-linux {@code setsid} (which execs in place,
 * so the pid Java sees is the workload's and leads a new process group), then {@code setpriv} (which
 * also execs in place, so signals reach it): {@code --pdeathsig} gives it a parent-death signal, and
 * for another user {@code --reuid/--regid} switch accounts (setpriv sets the parent-death signal after
 * the switch, which would otherwise clear it). Its stdin is /dev/null; its stdout and stderr share one
 * pipe, read to its end by {@link OutputPump}, lines longer than {@link LineSplitter#DEFAULT_CAP} bytes
 * in pieces (stderr is redirected to {@code DISCARD} only so that Java opens no second, unused pipe
 * with its own buffer: {@code redirectErrorStream} sends it to the shared pipe all the same). (Not
 * zt-exec's two pumps: two pipes read by two threads put stdout lines after a final stderr line in 9
 * of 20 runs of {@code LogPathIT}.)
 *
 * <p>Once a {@link ChildReaper} reaps for its {@link Children}, a child is started with
 * posix_spawn ({@link Spawner}) and its exit reported by that reaper's one thread; otherwise (no
 * reaper, or a C library older than glibc 2.34) through {@link ProcessBuilder}, for which Java
 * keeps one "process reaper" thread waiting per living child.
 *
 * <p>The kernel sends the parent-death signal when the <em>thread</em> that forked the child ends,
 * not the process (prctl(2)). So every child is started from one launcher thread that lives as
 * long as muster: a pool thread that ends after an idle minute would stop the services it started.
 */
public final class ProcessLauncher {
    /**
     * A child's stdin: /dev/null, read at end of file at once. Not a pipe closed after the start: Java
     * keeps an 8 KiB buffer for that pipe as long as the child lives.
     */
    private static final ProcessBuilder.Redirect NO_INPUT = ProcessBuilder.Redirect.from(new java.io.File("/dev/null"));
    private final Path setsid;
    private final Path setpriv;
    private final UserId self;
    private final Signals signals;
    private final Children children;
    private final boolean parentDeath;
    /** Null where the C library cannot spawn that way: then every child is started through ProcessBuilder. */
    private final Spawner spawner = Spawner.available() ? new Spawner() : null;
    private final java.util.concurrent.ExecutorService starter = java.util.concurrent.Executors.newSingleThreadExecutor(
            Daemons.named("muster-launcher"));

    /**
     * @param children the registry of started children, shared with the {@link ChildReaper}
     * @param setsid  the setsid binary
     * @param setpriv the setpriv binary, or null when there is none (then no service may run as another
     *                user, and children get no parent-death signal)
     * @param self    the account muster runs as
     */
    public ProcessLauncher(Children children, Path setsid, Path setpriv, UserId self, Signals signals) {
        this(children, setsid, setpriv, false, self, signals);
    }

    /**
     * @param parentDeath whether to give every child its parent-death signal through setpriv
     *                    ({@link #supportsParentDeath})
     */
    public ProcessLauncher(Children children, Path setsid, Path setpriv, boolean parentDeath, UserId self,
                           Signals signals) {
        this.parentDeath = parentDeath && setpriv != null;
        this.children = children;
        this.setsid = setsid;
        this.setpriv = setpriv;
        this.self = self;
        this.signals = signals;
    }

    /**
     * Starts the child on the launcher's thread without waiting for it; the future fails with the
     * {@link MusterException} of a child that cannot start (never with its environment in it).
     */
    public java.util.concurrent.CompletableFuture<RunningProcess> launchAsync(LaunchRequest request) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> children.register(() -> start(request)), starter);
    }

    /** Starts the child; a failure to start is a {@link MusterException} without the child's environment in it. */
    public RunningProcess launch(LaunchRequest request) {
        java.util.concurrent.Future<RunningProcess> started = starter.submit(() -> children.register(() -> start(request)));
        try {
            return started.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MusterException(ExitCodes.SERVICE_FAILED, "interrupted while starting " + request.argv().get(0));
        }
    }

    private RunningProcess start(LaunchRequest request) {
        if (spawner != null && children.isReaped()) {
            return spawn(request);
        }
        ProcessBuilder builder = new ProcessBuilder(fullArgv(request)).directory(request.cwd().toFile())
                .redirectInput(NO_INPUT).redirectErrorStream(true).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment(request.user(), request.env()));
        try {
            Process process = builder.start();
            OutputPump pumps = new OutputPump(process, request.output(), LineSplitter.DEFAULT_CAP);
            return new RunningProcess(process, pumps, signals);
        } catch (IOException e) {
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new MusterException(ExitCodes.SERVICE_FAILED,
                    "cannot start " + request.argv().get(0) + " in " + request.cwd() + ": " + reason);
        }
    }

    /** Starts the child with {@link Spawner}: the same child, and no Java thread waits for it. */
    private RunningProcess spawn(LaunchRequest request) {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.putAll(environment(request.user(), request.env()));
        try {
            SpawnedProcess process = spawner.spawn(fullArgv(request), env, request.cwd(), children);
            return new RunningProcess(process, new OutputPump(process, request.output(), LineSplitter.DEFAULT_CAP), signals);
        } catch (IOException e) {
            throw new MusterException(ExitCodes.SERVICE_FAILED,
                    "cannot start " + request.argv().get(0) + " in " + request.cwd() + ": " + e.getMessage());
        }
    }

    /**
     * Starts a one-off command attached to muster's terminal ({@code muster run}): stdin, stdout and
     * stderr are muster's own, and it stays in muster's process group (no setsid), so it can read the
     * terminal and a terminal's Ctrl-C reaches it as it reaches muster. It runs as {@code user} with
     * muster's parent-death signal handling, like every child.
     *
     * @param env variables added to (or replacing) muster's own environment
     */
    public AttachedProcess attach(List<String> argv, Map<String, String> env, Path cwd, UserId user) {
        java.util.concurrent.Future<AttachedProcess> started = starter.submit(() -> children.registerAttached(() -> {
            ProcessBuilder builder = new ProcessBuilder(wrapped(argv, user, Signal.TERM, false))
                    .directory(cwd.toFile()).inheritIO();
            builder.environment().putAll(environment(user, env));
            try {
                return new AttachedProcess(builder.start(), signals);
            } catch (IOException e) {
                String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                throw new MusterException(ExitCodes.SERVICE_FAILED, "cannot start " + argv.get(0) + " in " + cwd + ": " + reason);
            }
        }));
        try {
            return started.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MusterException(ExitCodes.SERVICE_FAILED, "interrupted while starting " + argv.get(0));
        }
    }

    private List<String> fullArgv(LaunchRequest request) {
        return wrapped(request.argv(), request.user(), request.parentDeath(), true);
    }

    /** {@code [setsid] [setpriv ... --] ARGV}: its own session when {@code session}, another user, the parent-death signal. */
    private List<String> wrapped(List<String> command, UserId user, Signal parentDeathSignal, boolean session) {
        List<String> argv = new ArrayList<>();
        if (session) {
            argv.add(setsid.toString());
        }
        boolean otherUser = user != null && user.uid() != self.uid();
        if (otherUser && setpriv == null) {
            throw new MusterException(ExitCodes.PREFLIGHT_FAILED,
                    "setpriv is needed to run as " + user.describe() + "; install util-linux");
        }
        if (otherUser || parentDeath) {
            argv.add(setpriv.toString());
            if (parentDeath) {
                argv.add("--pdeathsig=" + parentDeathSignal.name());
            }
            if (otherUser) {
                argv.add("--reuid=" + user.uid());
                argv.add("--regid=" + user.gid());
                argv.add(user.hasName() ? "--init-groups" : "--clear-groups");
            }
            argv.add("--");
        }
        argv.addAll(command);
        return argv;
    }

    /**
     * Whether this setpriv has {@code --pdeathsig} (util-linux 2.33 and later), from its --help. Runs a
     * process: ask before the {@link ChildReaper} starts, which would reap it as an orphan.
     */
    public static boolean supportsParentDeath(Path setpriv) {
        return setpriv != null && helpMentions(setpriv, "--pdeathsig");
    }

    /**
     * {@link #supportsParentDeath} on a thread of its own, so that its process (about 20 ms) runs
     * beside preflight and preparation instead of before the first launch; join it before the
     * {@link ChildReaper} starts.
     */
    public static java.util.concurrent.CompletableFuture<Boolean> askParentDeath(Path setpriv) {
        java.util.concurrent.CompletableFuture<Boolean> answer = new java.util.concurrent.CompletableFuture<>();
        Daemons.start("muster-setpriv-check", () -> answer.complete(supportsParentDeath(setpriv)));
        return answer;
    }

    private static boolean helpMentions(Path program, String option) {
        try {
            Process help = new ProcessBuilder(program.toString(), "--help").redirectErrorStream(true).start();
            String text = new String(help.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return help.waitFor(10, TimeUnit.SECONDS) && text.contains(option);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Map<String, String> environment(UserId user, Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        if (user != null && user.uid() != self.uid() && user.hasName()) {
            env.put("USER", user.name());
            env.put("LOGNAME", user.name());
            if (user.home() != null) {
                env.put("HOME", user.home());
            }
        }
        env.putAll(extra);
        return env;
    }
}
