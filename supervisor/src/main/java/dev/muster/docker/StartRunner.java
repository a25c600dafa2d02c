package dev.muster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.muster.process.ExitStatus;
import java.io.PrintStream;
import dev.muster.process.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts and stops the container of {@code muster reproduce} and checks each start: healthy in
 * time, no PostgreSQL crash recovery in this start's output, and the data probe's output.
 */
final class StartRunner {
    private static final List<String> RECOVERY = List.of(
            "database system was not properly shut down", "automatic recovery in progress");
    private static final String CLEAN = "database system was shut down at";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

    private final DockerClient client;
    private final String id;
    private final ReproduceSettings settings;
    private final PrintStream out;
    private final BootCheck bootCheck = new BootCheck();
    private final AtomicInteger seen = new AtomicInteger();
    private LogLines logs;
    private String pendingStopFailure;

    StartRunner(DockerClient client, String id, ReproduceSettings settings, PrintStream out) {
        this.client = client;
        this.id = id;
        this.settings = settings;
        this.out = out;
    }

    /** A runner for {@code newId}, the next container of an ephemeral run; a failed stop of this one is reported with its first start. */
    StartRunner next(String newId) {
        StartRunner next = new StartRunner(client, newId, settings, out);
        next.pendingStopFailure = pendingStopFailure;
        return next;
    }

    /** Starts the container and checks this start; {@code baseline} is the probe's first output (null on start 1). */
    StartReport start(int number, String stopNote, String baseline) {
        List<String> failures = new ArrayList<>();
        if (pendingStopFailure != null) {
            failures.add(pendingStopFailure);
            pendingStopFailure = null;
        }
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        client.startContainerCmd(id).exec();
        CompletableFuture<ExitStatus> ended = ContainerExit.watch(client, id);
        logs = attach(number, lines);
        String url = "http://127.0.0.1:" + hostPort() + "/health";
        out.println("reproduce: start #" + number + (stopNote.isEmpty() ? "" : " (after " + stopNote + ")")
                + ": waiting for " + url);
        BootCheck.Outcome outcome = bootCheck.await(url, settings.bootTimeout(), ended);
        Duration boot = Duration.ofNanos(System.nanoTime() - started);
        if (!outcome.healthy()) {
            failures.add("start #" + number + ": " + outcome.detail());
        }
        String postgres = postgres(number, lines, failures);
        String[] data = probe(number, baseline, failures);
        return new StartReport(number, outcome.healthy() ? Reproducer.seconds(boot) : "-", outcome.healthy(),
                postgres, data[0], data[1], failures);
    }

    /** {@code docker stop} with the stop timeout; a note on how it went (a failure is kept for the next start). */
    String stop() {
        long started = System.nanoTime();
        client.stopContainerCmd(id).withTimeout((int) settings.stopTimeout().toSeconds()).exec();
        if (logs != null) {
            Sleeper.system().sleep(Duration.ofSeconds(5), logs.done());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Long code = client.inspectContainerCmd(id).exec().getState().getExitCodeLong();
        int exit = code == null ? -1 : code.intValue();
        String note = "docker stop in " + Reproducer.seconds(took) + ", exit " + exit;
        if (exit == 137) {
            pendingStopFailure = "docker stop had to SIGKILL the container after " + settings.stopTimeout().toSeconds()
                    + "s (exit 137): it did not shut down cleanly in time; find the slow service in the output above, or raise --stop-timeout";
        } else if (exit != 0 && exit != 143) {
            pendingStopFailure = "the container " + new ExitStatus(exit).describe() + " on docker stop (muster exits 143 after a clean stop)";
        }
        out.println("reproduce: " + note);
        return note;
    }

    private LogLines attach(int number, List<String> lines) {
        int skip = seen.get();
        AtomicInteger index = new AtomicInteger();
        return client.logContainerCmd(id).withFollowStream(true).withStdOut(true).withStdErr(true)
                .exec(new LogLines((stream, text) -> {
                    if (index.getAndIncrement() < skip) {
                        return;
                    }
                    seen.incrementAndGet();
                    lines.add(text);
                    out.println("#" + number + " | " + text);
                }));
    }

    private int hostPort() {
        InspectContainerResponse inspect = client.inspectContainerCmd(id).exec();
        Ports.Binding[] bindings = inspect.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(settings.port()));
        if (bindings == null || bindings.length == 0) {
            throw new IllegalStateException("port " + settings.port() + " of the container is not published");
        }
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }

    private String postgres(int number, List<String> lines, List<String> failures) {
        List<String> snapshot;
        synchronized (lines) {
            snapshot = List.copyOf(lines);
        }
        for (String line : snapshot) {
            for (String marker : RECOVERY) {
                if (line.contains(marker)) {
                    failures.add("start #" + number + ": PostgreSQL needed crash recovery: " + line.strip()
                            + "; the previous stop was not clean (was it SIGKILLed? is its stop signal INT with a long enough timeout?)");
                    return "CRASH RECOVERY";
                }
            }
        }
        if (number > 1 && settings.ephemeral() != null) {
            return "fresh disk";
        }
        if (number > 1 && snapshot.stream().anyMatch(line -> line.contains(CLEAN))) {
            return "clean shutdown";
        }
        return number == 1 ? "first boot" : "no recovery";
    }

    /** {verdict, output}. */
    private String[] probe(int number, String baseline, List<String> failures) {
        if (settings.probe().isEmpty()) {
            return new String[] {"not checked (no --probe-sql or --marker)", null};
        }
        ContainerExec.Result result = ContainerExec.run(client, id, settings.probe(), PROBE_TIMEOUT);
        if (result.exitCode() != 0) {
            failures.add("start #" + number + ": the data probe " + (result.exitCode() < 0 ? "did not finish in "
                    + PROBE_TIMEOUT.toSeconds() + "s" : "exited with code " + result.exitCode()) + ": "
                    + result.stderr().strip().replace('\n', ' '));
            return new String[] {"probe failed", null};
        }
        String output = result.stdout().strip();
        if (number == 1) {
            if (output.isEmpty()) {
                failures.add("start #1: the data probe printed nothing; it must print the data it reads (muster reproduce --help)");
            }
            return new String[] {"baseline " + abbreviate(output), output};
        }
        if (!output.equals(baseline)) {
            failures.add("start #" + number + ": data changed across the restart: after start #1 the probe printed "
                    + abbreviate(baseline) + ", now " + abbreviate(output));
            return new String[] {"CHANGED " + abbreviate(output), output};
        }
        return new String[] {"same as #1", output};
    }

    private static String abbreviate(String text) {
        String one = text == null ? "" : text.replace('\n', '|');
        return "\"" + (one.length() > 40 ? one.substring(0, 37) + "..." : one) + "\"";
    }
}
