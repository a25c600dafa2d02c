package dev.muster.probe;

import dev.muster.database.PgConnector;
import dev.muster.logs.ServiceLog;
import dev.muster.process.LaunchRequest;
import dev.muster.process.OutputListener;
import dev.muster.process.ProcessLauncher;
import dev.muster.profile.ProbeSpec;
import java.net.http.HttpClient;
import java.util.function.Function;

/**
 * Creates probes from their profile settings. Every https probe it creates shares one HTTP client,
 * created on the first https check, so restarts and liveness checks do not add a thread and
 * descriptors per run; http probes use a plain socket and no client. Thread-safe.
 */
public final class Probes {
    private final ProcessLauncher launcher;
    private HttpClient httpClient;

    public Probes(ProcessLauncher launcher) {
        this.launcher = launcher;
    }

    private synchronized HttpClient httpClient() {
        if (httpClient == null) {
            httpClient = HttpProbe.newClient();
        }
        return httpClient;
    }

    /**
     * @param spec    the probe's settings
     * @param log     the service's output, for {@code log} probes
     * @param request for {@code exec} probes: builds the launch request of the resolved command around an output listener
     */
    public Probe create(ProbeSpec spec, ServiceLog log, Function<OutputListener, LaunchRequest> request) {
        if (spec instanceof ProbeSpec.Tcp tcp) {
            return new TcpProbe(tcp.host(), tcp.port());
        }
        if (spec instanceof ProbeSpec.Http http) {
            return new HttpProbe(http, this::httpClient);
        }
        if (spec instanceof ProbeSpec.Exec exec) {
            return new ExecProbe(launcher, request, exec.describe());
        }
        if (spec instanceof ProbeSpec.Log logSpec) {
            return new LogProbe(logSpec, log);
        }
        if (spec instanceof ProbeSpec.Postgres postgres && postgres.accepting()) {
            return new PostgresAcceptingProbe(postgres.database());
        }
        if (spec instanceof ProbeSpec.Postgres postgres) {
            return new PostgresProbe(postgres.database(), new PgConnector());
        }
        if (spec instanceof ProbeSpec.Redis redis) {
            return new RedisProbe(redis);
        }
        throw new IllegalArgumentException("unknown probe " + spec);
    }
}
