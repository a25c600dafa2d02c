package dev.muster.control;

import dev.muster.status.ServiceStatus;
import dev.muster.status.StackStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the service states alone do not say: when each service entered its current state, the
 * boot's phases (preflight, prepare, boot, all ready, stopping, stopped) and how muster ended.
 * Fed by a {@link StackStatus} listener; thread-safe.
 */
final class BootTimeline implements Consumer<ServiceStatus> {
    private final Clock clock;
    private final StackStatus status;
    private final Runnable onPhase;
    private final Map<String, Instant> since = new HashMap<>();
    private final Map<String, String> states = new HashMap<>();
    private final Map<String, Instant> firstStart = new HashMap<>();
    private final Map<String, Instant> firstReady = new HashMap<>();
    private final List<StatusDocument.Phase> phases = new ArrayList<>();
    private boolean stopping;
    private StatusDocument.Ending ending;

    /** @param onPhase called after every new phase, outside this object's lock */
    BootTimeline(Clock clock, StackStatus status, Runnable onPhase) {
        this.clock = clock;
        this.status = status;
        this.onPhase = onPhase;
        Instant now = clock.instant();
        status.snapshot().forEach(s -> {
            since.put(s.name(), now);
            states.put(s.name(), s.state().name());
        });
    }

    /** Records that a phase began now. */
    void phase(String name, String detail) {
        phase(name, detail, clock.instant());
    }

    /** Records that a phase began at {@code at}. */
    void phase(String name, String detail, Instant at) {
        synchronized (this) {
            if (name.equals("stopping")) {
                if (stopping) {
                    return;
                }
                stopping = true;
            }
            phases.add(new StatusDocument.Phase(name, at.toString(), detail));
        }
        onPhase.run();
    }

    @Override
    public void accept(ServiceStatus changed) {
        boolean allReady;
        synchronized (this) {
            if (!changed.state().name().equals(states.put(changed.name(), changed.state().name()))) {
                since.put(changed.name(), clock.instant());
            }
            if (changed.readyAt() != null && !firstReady.containsKey(changed.name())) {
                firstReady.put(changed.name(), changed.readyAt());
                if (changed.startedAt() != null) {
                    firstStart.put(changed.name(), changed.startedAt());
                }
            }
            allReady = !reached("all ready") && !stopping && Health.of(status.snapshot(), false).ready();
        }
        if (allReady) {
            phase("all ready", "");
        }
        if (status.isStopping()) {
            phase("stopping", "");
        }
    }

    synchronized Instant since(String service) {
        return since.get(service);
    }

    /** The launch of the run that first became ready, null until one did. */
    synchronized Instant firstStart(String service) {
        return firstStart.get(service);
    }

    /** When the service first became ready (the boot's), null until it did. */
    synchronized Instant firstReady(String service) {
        return firstReady.get(service);
    }

    synchronized boolean stopping() {
        return stopping;
    }

    synchronized List<StatusDocument.Phase> phases() {
        return List.copyOf(phases);
    }

    synchronized StatusDocument.Ending ending() {
        return ending;
    }

    /** Records how muster ended. */
    void ended(int exitCode, String how) {
        synchronized (this) {
            ending = new StatusDocument.Ending(clock.instant().toString(), exitCode, how);
        }
        phase("stopped", how);
    }

    private boolean reached(String phase) {
        return phases.stream().anyMatch(p -> p.name().equals(phase));
    }
}
