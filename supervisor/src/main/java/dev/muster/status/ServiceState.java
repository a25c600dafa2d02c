package dev.muster.status;

import java.util.Locale;

/** Where a service or task is in its life. */
public enum ServiceState {
    /** Waiting for its dependencies. */
    WAITING,
    /** Launched; waiting for its readiness probe (or, for a task, for it to finish). */
    STARTING,
    /** Running and ready. */
    READY,
    /** Ended (exit, failed liveness or readiness) and waiting out its backoff before the next launch. */
    RESTARTING,
    /** A task that finished with status 0. */
    COMPLETED,
    /** A task whose {@code creates} path already existed. */
    SKIPPED,
    /** Failed: exited, missed its deadline, or could not be launched. */
    FAILED,
    /** Never started because a dependency failed or muster stopped first. */
    NOT_STARTED,
    /** {@code enabled: false}, or optional and depending on such a service: not part of this boot. */
    DISABLED,
    /** Being stopped by muster. */
    STOPPING,
    /** Stopped by muster. */
    STOPPED;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * Whether it counts as up for the stack and for dependents: a ready service, a completed or
     * skipped task, a disabled entry. The one answer to "is it ready?" that health, status and metrics use.
     */
    public boolean up() {
        return this == READY || this == COMPLETED || this == SKIPPED || this == DISABLED;
    }

    /** Whether the boot no longer waits on it. */
    public boolean settled() {
        return this != WAITING && this != STARTING && this != RESTARTING;
    }
}
