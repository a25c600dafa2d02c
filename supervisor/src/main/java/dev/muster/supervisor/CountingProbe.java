package dev.muster.supervisor;

import dev.muster.probe.Probe;
import dev.muster.probe.ProbeResult;
import dev.muster.status.StackStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Counts a probe's failed attempts in the stack status, for the probe-failure metric. */
final class CountingProbe implements Probe {
    private final Probe probe;
    private final StackStatus status;
    private final String service;
    private final String kind;

    /** @param kind "ready" or "live" */
    CountingProbe(Probe probe, StackStatus status, String service, String kind) {
        this.probe = probe;
        this.status = status;
        this.service = service;
        this.kind = kind;
    }

    @Override
    public ProbeResult check(Duration timeout) {
        ProbeResult result = probe.check(timeout);
        if (!result.ready()) {
            status.probeFailed(service, kind);
        }
        return result;
    }

    @Override
    public String describe() {
        return probe.describe();
    }

    @Override
    public CompletableFuture<Void> changed() {
        return probe.changed();
    }

    @Override
    public boolean pushesChanges() {
        return probe.pushesChanges();
    }

    @Override
    public void close() {
        probe.close();
    }
}
