package dev.muster.supervisor;

import dev.muster.logs.ServiceLog;
import dev.muster.preflight.ResolvedService;
import dev.muster.probe.Probe;
import dev.muster.process.OutputListener;
import dev.muster.process.Workload;
import dev.muster.profile.ProbeSpec;
import java.util.concurrent.CompletableFuture;

/**
 * Where a unit's workloads and probes come from: real processes, containers and probes in
 * {@code muster up} ({@link LocalRuntime}); scripted ones in unit tests.
 */
interface UnitRuntime {

    /** Starts the service's workload. */
    Workload launch(ResolvedService service, OutputListener output);

    /**
     * Starts it without holding the calling thread where the start happens elsewhere (a local process
     * starts on the launcher's one thread); by default {@link #launch} on the calling thread. A start
     * that fails completes the future with its exception.
     */
    default CompletableFuture<Workload> launchAsync(ResolvedService service, OutputListener output) {
        try {
            return CompletableFuture.completedFuture(launch(service, output));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A probe of the service; created before the launch, so a {@code log} probe sees the first line. */
    Probe probe(ProbeSpec spec, ResolvedService service, ServiceLog log);

    /** ": /usr/bin/redis-server --port 6379 (as redis)", before secrets are removed. */
    String describeLaunch(ResolvedService service);
}
