package dev.muster.process;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts children. Each child is started through util-linux {@code setsid} (which
 * execs in place, so the pid Java sees is the workload's and leads a new process group) and,
 * for another user, through {@code setpriv} (which also execs in place, so signals reach it).
 * Its stdin is closed; its stdout and stderr share one pipe, read to its end by {@link OutputPump}, lines
 * longer than {@link LineSplitter#DEFAULT_CAP} bytes in pieces. (Not zt-exec's two pumps: two
 * pipes read by two threads put stdout lines after a final stderr line in 9 of 20 runs of
 * {@code LogPathIT}.)
 */
public final class ProcessLauncher {
    private final Path setsid;
    private final Path setpriv;
    private final UserId self;
    private final Signals signals;
    private final Children children;

    /**
     * @param children the registry of started children, shared with the {@link ChildReaper}
     * @param setsid  the setsid binary
     * @param setpriv the setpriv binary, or null when no service runs as another user
     * @param self    the account muster runs as
     */
    public ProcessLauncher(Children children, Path setsid, Path setpriv, UserId self, Signals signals) {
        this.children = children;
        this.setsid = setsid;
        this.setpriv = setpriv;
        this.self = self;
        this.signals = signals;
    }

    /** Starts the child; a failure to start is a {@link MusterException} without the child's environment in it. */
    public RunningProcess launch(LaunchRequest request) {
        return children.register(() -> start(request));
    }

    private RunningProcess start(LaunchRequest request) {
        ProcessBuilder builder = new ProcessBuilder(fullArgv(request)).directory(request.cwd().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment(request));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            OutputPump pumps = new OutputPump(process, request.output(), LineSplitter.DEFAULT_CAP);
            return new RunningProcess(process, pumps, signals);
        } catch (IOException e) {
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new MusterException(ExitCodes.SERVICE_FAILED,
                    "cannot start " + request.argv().get(0) + " in " + request.cwd() + ": " + reason);
        }
    }

    private List<String> fullArgv(LaunchRequest request) {
        List<String> argv = new ArrayList<>();
        argv.add(setsid.toString());
        UserId user = request.user();
        if (user != null && user.uid() != self.uid()) {
            if (setpriv == null) {
                throw new MusterException(ExitCodes.PREFLIGHT_FAILED,
                        "setpriv is needed to run as " + user.describe() + "; install util-linux");
            }
            argv.add(setpriv.toString());
            argv.add("--reuid=" + user.uid());
            argv.add("--regid=" + user.gid());
            argv.add(user.hasName() ? "--init-groups" : "--clear-groups");
            argv.add("--");
        }
        argv.addAll(request.argv());
        return argv;
    }

    private Map<String, String> environment(LaunchRequest request) {
        Map<String, String> env = new LinkedHashMap<>();
        UserId user = request.user();
        if (user != null && user.uid() != self.uid() && user.hasName()) {
            env.put("USER", user.name());
            env.put("LOGNAME", user.name());
            if (user.home() != null) {
                env.put("HOME", user.home());
            }
        }
        env.putAll(request.env());
        return env;
    }
}
