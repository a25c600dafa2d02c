package dev.muster.cli;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.docker.ReproduceSettings;
import dev.muster.docker.Reproducer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code muster reproduce}: build the project's image and reproduce a platform's boot and restarts locally. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Build the image (Dockerfile), run it with a fresh named volume, wait for /health 200, then",
            "restart it N times. Each start must become healthy, PostgreSQL must not need crash recovery,",
            "and the data probe must print, after every restart, exactly what it printed after the first boot.",
            "The probe: --probe-sql runs `psql -X -q -At -v ON_ERROR_STOP=1 -d CONN -c SQL` in the container;",
            "--marker runs `sh -c CMD` in the container. It must exit 0 and print something (its trimmed",
            "stdout is compared), e.g. --marker 'test -f /data/m || date +%%s%%N > /data/m; cat /data/m'.",
            "--ephemeral: every restart is a NEW container with no data volume, only --bucket mounted at --bucket-path,",
            "as a Hugging Face Space restarts: the data must come back from the bucket (dumps of backups:).",
            "Exit: 0 every check passed, 1 a check failed, 3 no Docker engine or no Dockerfile."})
final class ReproduceCommand implements Callable<Integer> {
    private final Streams streams;

    @Option(names = {"-f", "--file"}, paramLabel = "DOCKERFILE", description = "the Dockerfile (default: CONTEXT/Dockerfile)")
    Path dockerfile;

    @Option(names = "--context", paramLabel = "DIR", description = "the build context (default: the current directory)")
    Path context;

    @Option(names = "--restarts", paramLabel = "N", defaultValue = "2", description = "restarts after the first boot (default: ${DEFAULT-VALUE})")
    int restarts;

    @Option(names = "--build-arg", paramLabel = "K=V", description = "a build argument, e.g. BASE_IMAGE=local/debian:bookworm (repeatable)")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7860", description = "muster's control-plane port in the container (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data", paramLabel = "PATH", defaultValue = "/data", description = "where the named volume is mounted (default: ${DEFAULT-VALUE})")
    String dataPath;

    @Option(names = "--tag", paramLabel = "IMAGE", defaultValue = "muster-reproduce:latest", description = "the built image's tag (default: ${DEFAULT-VALUE})")
    String tag;

    @ArgGroup(exclusive = true)
    Probe probe;

    @Option(names = "--psql", paramLabel = "CONN", defaultValue = "postgresql://postgres@127.0.0.1:5432/postgres",
            description = "what --probe-sql connects to, as psql's -d (default: ${DEFAULT-VALUE})")
    String psql;

    @Option(names = "--boot-timeout", paramLabel = "SECONDS", defaultValue = "180", description = "per start (default: ${DEFAULT-VALUE})")
    int bootTimeout;

    @Option(names = "--stop-timeout", paramLabel = "SECONDS", defaultValue = "60", description = "docker stop's grace before SIGKILL (default: ${DEFAULT-VALUE})")
    int stopTimeout;

    @Option(names = "--keep", description = "keep the container and the volume (or the bucket) for inspection")
    boolean keep;

    @Option(names = "--ephemeral", description = {"restart as a Space does: every start is a NEW container without the",
        "data volume, only the bucket directory bind-mounted, so the data must come back from the bucket"})
    boolean ephemeral;

    @Option(names = "--bucket", paramLabel = "DIR", description = "with --ephemeral: the host directory mounted as the bucket"
            + " (default: a new temporary directory, mode 0777, removed at the end)")
    Path bucket;

    @Option(names = "--bucket-path", paramLabel = "PATH", defaultValue = "/data/bucket",
            description = "with --ephemeral: where the bucket is mounted in the container, the image's BUCKET_DIR (default: ${DEFAULT-VALUE})")
    String bucketPath;

    /** The data probe: a SQL query or a command. */
    static final class Probe {
        @Option(names = "--probe-sql", paramLabel = "SQL", required = true, description = "a query whose output must survive every restart")
        String sql;

        @Option(names = "--marker", paramLabel = "CMD", required = true, description = "a shell command whose output must survive every restart")
        String marker;
    }

    ReproduceCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        Path dir = (context == null ? streams.workDir() : streams.workDir().resolve(context)).normalize();
        Path file = dockerfile == null ? dir.resolve("Dockerfile") : streams.workDir().resolve(dockerfile).normalize();
        if (restarts < 0) {
            throw new MusterException(ExitCodes.INVALID_PROFILE, "reproduce: --restarts must be 0 or more");
        }
        if (bucket != null && !ephemeral) {
            throw new MusterException(ExitCodes.INVALID_PROFILE, "reproduce: --bucket is for --ephemeral runs; add --ephemeral,"
                    + " or leave --bucket out to restart one container on a named volume");
        }
        ReproduceSettings settings = new ReproduceSettings(file, dir, buildArgs(), tag, port, dataPath, restarts,
                probeArgv(), Duration.ofSeconds(bootTimeout), Duration.ofSeconds(stopTimeout), keep, ephemeral());
        return new Reproducer(streams.env(), streams.out()).run(settings);
    }

    private ReproduceSettings.Ephemeral ephemeral() {
        if (!ephemeral) {
            return null;
        }
        if (bucket == null) {
            return new ReproduceSettings.Ephemeral(Reproducer.temporaryBucket(), bucketPath, true);
        }
        Path dir = streams.workDir().resolve(bucket).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new MusterException(ExitCodes.PREFLIGHT_FAILED, "reproduce: --bucket " + dir + " is not a directory;"
                    + " create it (mkdir -m 0777 " + dir + ") or leave --bucket out for a temporary one");
        }
        return new ReproduceSettings.Ephemeral(dir, bucketPath, false);
    }

    private Map<String, String> buildArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : buildArgs) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new MusterException(ExitCodes.INVALID_PROFILE, "reproduce: --build-arg " + arg + " is not K=V; write it like BASE_IMAGE=debian:bookworm-slim");
            }
            args.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return args;
    }

    private List<String> probeArgv() {
        if (probe == null) {
            return List.of();
        }
        if (probe.sql != null) {
            return List.of("psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", psql, "-c", probe.sql);
        }
        return List.of("sh", "-c", probe.marker);
    }
}
