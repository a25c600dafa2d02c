package dev.muster.export.kubernetes;

import dev.muster.export.Durations;
import dev.muster.export.ExportSettings;
import dev.muster.export.ExportWarnings;
import dev.muster.profile.LiveSpec;
import dev.muster.profile.ProbeSpec;
import dev.muster.profile.ReadySpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Maps muster's probes to the kubelet's: {@code tcp} to tcpSocket, {@code http} to httpGet,
 * {@code exec} to exec (natively); {@code postgres} and {@code redis}, which the kubelet does not
 * know, to an exec of {@code muster probe NAME}; {@code log} to nothing (a warning). The ready
 * probe becomes the startupProbe (its timeout is the startup budget) and the readinessProbe;
 * {@code live:} becomes the livenessProbe.
 */
final class ProbeMapping {
    static final int READINESS_PERIOD = 10;
    static final int CHECK_TIMEOUT = 5;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private final ExportSettings settings;
    private final ExportWarnings warnings;

    ProbeMapping(ExportSettings settings, ExportWarnings warnings) {
        this.settings = settings;
        this.warnings = warnings;
    }

    /** The startupProbe: the ready probe, failing the container only after {@code budget}. */
    Optional<Probe> startup(String service, ReadySpec ready, Duration budget) {
        int period = Durations.seconds(ready.interval(), 2);
        int failures = Math.max(1, (int) Math.ceil(budget.toMillis() / 1000.0 / period));
        return handler(service, ready.probe(), "ready").map(b -> b.withPeriodSeconds(period)
                .withTimeoutSeconds(CHECK_TIMEOUT).withFailureThreshold(failures).build());
    }

    /** The readinessProbe: the same check, every 10s once started. */
    Optional<Probe> readiness(String service, ReadySpec ready) {
        return handler(service, ready.probe(), null).map(b -> b.withPeriodSeconds(READINESS_PERIOD)
                .withTimeoutSeconds(CHECK_TIMEOUT).withFailureThreshold(3).build());
    }

    Optional<Probe> liveness(String service, LiveSpec live) {
        if (live == null) {
            return Optional.empty();
        }
        return handler(service, live.probe(), "live").map(b -> b.withPeriodSeconds(Durations.seconds(live.period(), 1))
                .withTimeoutSeconds(Durations.seconds(live.timeout(), 1)).withFailureThreshold(live.failures()).build());
    }

    /** @param which "ready" or "live" to report losses under, null to stay quiet (already reported) */
    private Optional<ProbeBuilder> handler(String service, ProbeSpec spec, String which) {
        if (spec == null) {
            return Optional.empty();
        }
        if (spec instanceof ProbeSpec.Tcp tcp) {
            return Optional.of(new ProbeBuilder().withNewTcpSocket().withPort(new IntOrString(tcp.port())).endTcpSocket());
        }
        if (spec instanceof ProbeSpec.Http http) {
            return Optional.of(httpGet(service, http, which));
        }
        if (spec instanceof ProbeSpec.Exec exec) {
            report(which, service, "its exec probe runs with the container's environment and user, not the profile's"
                    + " env: and user: (" + spec.describe() + ")");
            return Optional.of(new ProbeBuilder().withNewExec().withCommand(exec.argv()).endExec());
        }
        if (spec instanceof ProbeSpec.Log) {
            report(which, service, "its " + which + " probe reads the service's output, which the kubelet cannot see:"
                    + " no probe (" + spec.describe() + ")");
            return Optional.empty();
        }
        String[] extra = "live".equals(which) ? new String[] {"--live"} : new String[0];
        return Optional.of(new ProbeBuilder().withNewExec().withCommand(settings.probe(service, extra)).endExec());
    }

    private ProbeBuilder httpGet(String service, ProbeSpec.Http http, String which) {
        URI url = http.url();
        if (!LOOPBACK.contains(url.getHost())) {
            report(which, service, "the kubelet probes the pod's address, not " + url.getHost());
        }
        if (http.body() != null || http.status() != 0 && (http.status() < 200 || http.status() > 399)) {
            report(which, service, "the kubelet accepts any status from 200 to 399 and does not read the body;"
                    + " the expected status/body of " + http.describe() + " is not checked");
        }
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        int port = http.networkPort().orElse(80);
        return new ProbeBuilder().withNewHttpGet().withPath(path).withPort(new IntOrString(port))
                .withScheme("https".equalsIgnoreCase(url.getScheme()) ? "HTTPS" : "HTTP").endHttpGet();
    }

    private void report(String which, String service, String message) {
        if (which != null) {
            warnings.add(service, message);
        }
    }
}
