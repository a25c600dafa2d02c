package dev.muster.probe;

import dev.muster.MusterException;
import dev.muster.process.ExitStatus;
import dev.muster.process.LaunchRequest;
import dev.muster.process.OutputListener;
import dev.muster.process.ProcessLauncher;
import dev.muster.process.RunningProcess;
import dev.muster.process.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Ready when a command exits 0. A command that overruns its attempt's timeout is killed with its group. */
final class ExecProbe implements Probe {
    private static final int SHOWN_LINES = 3;

    private final ProcessLauncher launcher;
    private final Function<OutputListener, LaunchRequest> request;
    private final String description;

    /** @param request builds the launch request around a listener that collects the command's output */
    ExecProbe(ProcessLauncher launcher, Function<OutputListener, LaunchRequest> request, String description) {
        this.launcher = launcher;
        this.request = request;
        this.description = description;
    }

    @Override
    public ProbeResult check(Duration timeout) {
        List<String> output = new ArrayList<>();
        OutputListener collect = (stream, text) -> {
            synchronized (output) {
                output.add(text);
            }
        };
        RunningProcess process;
        try {
            process = launcher.launch(request.apply(collect));
        } catch (MusterException e) {
            return ProbeResult.notYet(e.getMessage());
        }
        try {
            ExitStatus status = process.exit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            process.awaitOutput(Duration.ofMillis(200));
            return status.success()
                    ? ProbeResult.ready("exit code 0")
                    : ProbeResult.notYet(status.describe() + shown(output));
        } catch (TimeoutException e) {
            process.stop(Signal.KILL, Duration.ZERO);
            return ProbeResult.notYet("still running after " + timeout.toMillis() + "ms, killed");
        } catch (ExecutionException e) {
            return ProbeResult.notYet(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            process.stop(Signal.KILL, Duration.ZERO);
            Thread.currentThread().interrupt();
            return ProbeResult.notYet("interrupted");
        }
    }

    private static String shown(List<String> output) {
        synchronized (output) {
            if (output.isEmpty()) {
                return "";
            }
            List<String> last = output.subList(Math.max(0, output.size() - SHOWN_LINES), output.size());
            return ": " + String.join(" / ", last);
        }
    }

    @Override
    public String describe() {
        return description;
    }
}
