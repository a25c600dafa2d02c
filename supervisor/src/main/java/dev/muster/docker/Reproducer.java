package dev.muster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code muster reproduce}: a platform's boot, locally. Builds the image, runs it with a fresh named
 * volume, waits for {@code /health} 200, then restarts it ({@code docker stop}, {@code docker start})
 * the given number of times. Every start must become healthy, PostgreSQL must not report crash
 * recovery, and the data probe must print what it printed after the first boot. Prints one report.
 * With {@code --ephemeral} every restart is a new container without the data volume, only a bucket
 * directory bind-mounted: a Hugging Face Space's restart, where the data must come back from the bucket.
 */
public final class Reproducer {
    private final DockerEngine engine;
    private final PrintStream out;

    /** @param environment muster's environment ({@code DOCKER_HOST}) */
    public Reproducer(Map<String, String> environment, PrintStream out) {
        this.engine = new DockerEngine(environment);
        this.out = out;
    }

    /** Runs it all; returns 0 when every start passed every check, else 1. */
    public int run(ReproduceSettings settings) {
        try {
            return runChecked(settings);
        } catch (dev.muster.MusterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new dev.muster.MusterException(dev.muster.ExitCodes.SERVICE_FAILED, "reproduce: "
                    + (DockerEngine.isUnreachable(e) ? engine.unreachable(e) : "the Docker engine failed: "
                    + EngineErrors.reason(e) + "; see the output above, rerun with --keep to inspect the container"), e);
        }
    }

    private int runChecked(ReproduceSettings settings) {
        try {
            out.println("reproduce: Docker " + engine.ping() + " at " + engine.host());
            new ImageBuilder(engine).build(settings.dockerfile(), settings.context(), settings.buildArgs(),
                    settings.tag(), line -> out.println("build | " + line));
            String name = "muster-reproduce-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            DockerClient client = engine.client();
            List<String> containers = new CopyOnWriteArrayList<>();
            if (settings.ephemeral() == null) {
                client.createVolumeCmd().withName(name).withLabels(Map.of(ContainerLayout.STACK_LABEL, "reproduce")).exec();
            } else {
                out.println("reproduce: --ephemeral: every start is a new container without a data volume, only "
                        + settings.ephemeral().bucket() + " mounted at " + settings.ephemeral().bucketPath());
            }
            List<StartReport> starts = new ArrayList<>();
            Thread interrupted = new Thread(() -> cleanUp(client, name, containers, settings), "reproduce-cleanup");
            Runtime.getRuntime().addShutdownHook(interrupted);
            try {
                runStarts(client, name, containers, settings, starts);
            } finally {
                removeHook(interrupted);
                cleanUp(client, name, containers, settings);
            }
            return report(starts, settings);
        } finally {
            engine.close();
        }
    }

    /** A container of the image; with {@code --ephemeral} the bucket is its only mount, else the named volume {@code name}. */
    private String create(DockerClient client, ReproduceSettings settings, String name, String containerName) {
        ExposedPort control = ExposedPort.tcp(settings.port());
        Ports ports = new Ports();
        ports.bind(control, Ports.Binding.bindIp("127.0.0.1"));
        ReproduceSettings.Ephemeral ephemeral = settings.ephemeral();
        Bind bind = ephemeral == null ? new Bind(name, new Volume(settings.dataPath()), AccessMode.rw)
                : new Bind(ephemeral.bucket().toString(), new Volume(ephemeral.bucketPath()), AccessMode.rw);
        HostConfig host = HostConfig.newHostConfig().withPortBindings(ports).withBinds(bind);
        return client.createContainerCmd(settings.tag()).withName(containerName).withExposedPorts(control).withHostConfig(host)
                .withLabels(Map.of(ContainerLayout.STACK_LABEL, "reproduce")).exec().getId();
    }

    private void runStarts(DockerClient client, String name, List<String> containers, ReproduceSettings settings,
                           List<StartReport> starts) {
        boolean ephemeral = settings.ephemeral() != null;
        String first = ephemeral ? name + "-1" : name;
        containers.add(first);
        StartRunner runner = new StartRunner(client, create(client, settings, name, first), settings, out);
        String baseline = null;
        for (int number = 1; number <= settings.restarts() + 1; number++) {
            String stop = number == 1 ? "" : runner.stop();
            if (number > 1 && ephemeral) {
                String next = name + "-" + number;
                containers.add(next);
                runner = runner.next(create(client, settings, name, next));
                stop += ", then a new container " + next;
            }
            StartReport start = runner.start(number, stop, baseline);
            starts.add(start);
            if (number == 1) {
                baseline = start.probeOutput();
            }
            if (!start.passed()) {
                return;
            }
        }
    }

    /** Ctrl-C while it runs still removes the container and the volume; after a normal end the hook is not needed. */
    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook cleans up.
        }
    }

    private void cleanUp(DockerClient client, String name, List<String> containers, ReproduceSettings settings) {
        ReproduceSettings.Ephemeral ephemeral = settings.ephemeral();
        if (settings.keep()) {
            out.println("reproduce: kept " + String.join(", ", containers) + (ephemeral == null ? " and volume " + name
                    : " and the bucket " + ephemeral.bucket()) + " (--keep); remove them with docker rm -f -v "
                    + String.join(" ", containers) + (ephemeral == null ? " && docker volume rm " + name : ""));
            return;
        }
        try {
            for (String container : List.copyOf(containers)) {
                try {
                    client.removeContainerCmd(container).withForce(true).withRemoveVolumes(true).exec();
                } catch (com.github.dockerjava.api.exception.NotFoundException e) {
                    // Never created, or removed already.
                }
            }
            if (ephemeral == null) {
                client.removeVolumeCmd(name).exec();
            }
        } catch (RuntimeException e) {
            out.println("reproduce: could not remove " + String.join(", ", containers) + ": " + EngineErrors.reason(e)
                    + "; remove it with docker rm -f -v " + String.join(" ", containers)
                    + (ephemeral == null ? "; docker volume rm " + name : ""));
        }
        if (ephemeral != null && ephemeral.temporary()) {
            Buckets.remove(ephemeral.bucket(), out);
        }
    }

    private int report(List<StartReport> starts, ReproduceSettings settings) {
        out.println("reproduce report (" + settings.tag() + ", " + settings.restarts() + " restarts):");
        out.println(String.format("  %-6s %-10s %-10s %-22s %s", "START", "BOOT", "HEALTH", "POSTGRES", "DATA"));
        boolean passed = starts.size() == settings.restarts() + 1;
        for (StartReport start : starts) {
            out.println(String.format("  %-6s %-10s %-10s %-22s %s", "#" + start.number(), start.bootTime(),
                    start.healthy() ? "200" : "FAILED", start.postgres(), start.data()));
            for (String failure : start.failures()) {
                out.println("    FAILED " + failure);
            }
            passed &= start.passed();
        }
        out.println(passed ? "reproduce: PASSED: every start became healthy, without crash recovery, with its data"
                : "reproduce: FAILED (see above; rerun with --keep to inspect the container and its volume)");
        return passed ? 0 : 1;
    }


    /** A new world-writable host directory for an ephemeral run's bucket, removed at its end. */
    public static java.nio.file.Path temporaryBucket() {
        return Buckets.temporary();
    }

    /** "1.23s". */
    static String seconds(Duration duration) {
        return String.format("%.2fs", duration.toMillis() / 1000.0);
    }
}
