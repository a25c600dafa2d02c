package dev.muster.probe;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** One kind of readiness check. A probe makes one bounded attempt per call and never waits in between. */
public interface Probe extends AutoCloseable {

    /** Makes one attempt that takes at most about {@code timeout}. */
    ProbeResult check(Duration timeout);

    /** "tcp 127.0.0.1:5432", for reports. */
    String describe();

    /**
     * Completes when it is worth checking again before the next interval, for probes that are
     * told about changes (a log probe sees lines as they arrive). Others never complete it.
     */
    default CompletableFuture<Void> changed() {
        return new CompletableFuture<>();
    }

    /**
     * Whether {@link #changed()} tells about every change, so that checking on a timer is pointless
     * and the poller can simply wait for it (or the deadline).
     */
    default boolean pushesChanges() {
        return false;
    }

    @Override
    default void close() {
    }
}
