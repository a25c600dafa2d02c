package dev.muster.supervisor;

import dev.muster.probe.ProbeResult;
import dev.muster.process.Signal;
import dev.muster.status.Failure;
import dev.muster.status.ServiceState;
import dev.muster.status.ServiceStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything that can happen to a unit, typed, each with the state it leads to. Read top to bottom
 * this file is the unit's state machine; {@link Lifecycle#apply} is the one place that applies it.
 */
sealed interface UnitEvent {

    /** What the event does to the futures dependents wait on. */
    enum Release { NONE, STARTED, READY, ALL, FAIL }

    /** The unit's status after this event. */
    ServiceStatus next(ServiceStatus current, Instant now);

    default Release release() {
        return Release.NONE;
    }

    /** Its workload was launched as {@code pid} (0 for in-process work): starting. */
    record Launched(long pid) implements UnitEvent {
        public ServiceStatus next(ServiceStatus s, Instant now) {
            return s.started(pid, now);
        }

        public Release release() {
            return Release.STARTED;
        }
    }

    /**
     * A {@code kind: external} unit began waiting for its ready probe: nothing is launched, so it is
     * waiting, not starting (dependents on {@code started} go ahead).
     */
    record Awaiting() implements UnitEvent {
        public ServiceStatus next(ServiceStatus s, Instant now) {
            return s.started(0, now).with(ServiceState.WAITING, "external: waiting for its ready probe");
        }

        public Release release() {
            return Release.STARTED;
        }
    }

    /** A probe attempt finished while it is starting (or, external, waiting): shown in {@code /status} as it changes. */
    record Probed(ProbeResult result) implements UnitEvent {
        public ServiceStatus next(ServiceStatus s, Instant now) {
            boolean waitingExternal = s.state() == ServiceState.WAITING && s.kind() == dev.muster.profile.Kind.EXTERNAL;
            if (s.state() != ServiceState.STARTING && !waitingExternal) {
                return s;
            }
            String detail = (result.ready() ? "" : "not ready yet: ") + result.detail();
            return s.with(s.state(), waitingExternal ? "external, " + detail : detail);
        }
    }

    /** Ready; {@code again} after a restart (dependents declared with {@code restart: true} follow). */
    record Ready(String detail, boolean again) implements UnitEvent {
        public ServiceStatus next(ServiceStatus s, Instant now) {
            return s.ready(ServiceState.READY, now, detail);
        }

        public Release release() {
            return Release.READY;
        }
    }

    /** A task or in-process step finished successfully, or an optional service exited 0 for good. */
    record Completed(String detail) implements UnitEvent {
        public ServiceStatus next(ServiceStatus s, Instant now) {
            return s.ready(ServiceState.COMPLETED, now, detail);
        }

        public Release release() {
            return Release.ALL;
        }
    }

    /** A task whose {@code creates} path exists. */
    record Skipped(String why) implements UnitEvent {
        public ServiceStatus next(ServiceStatus s, Instant now) {
            return s.with(ServiceState.SKIPPED, why);
        }

        public Release release() {
            return Release.ALL;
        }
    }

    /**
     * {@code enabled: false}, or an optional dependent of such a unit ("not started: NAME is
     * disabled"): not part of this boot, settled, not a failure. Its own dependents are not started.
     */
    record Disabled(String why) implements UnitEvent {
        public ServiceStatus next(ServiceStatus s, Instant now) {
            return s.with(ServiceState.DISABLED, why);
        }

        public Release release() {
            return Release.FAIL;
        }
    }

    /** Its run ended ({@code why}) and it will be launched again after {@code delay}. */
    record Restarting(String why, Duration delay) implements UnitEvent {
        public ServiceStatus next(ServiceStatus s, Instant now) {
            return s.restarting(why);
        }
    }

    /** muster sent its stop signal; {@code forRestart} when it is stopped to be started again. */
    record Stopping(Signal signal, boolean forRestart) implements UnitEvent {
        public ServiceStatus next(ServiceStatus s, Instant now) {
            return s.with(forRestart ? ServiceState.RESTARTING : ServiceState.STOPPING, "sent " + signal.fullName());
        }
    }

    /** Its workload ended after a stop. */
    record Stopped(StopOutcome outcome, boolean forRestart) implements UnitEvent {
        public ServiceStatus next(ServiceStatus s, Instant now) {
            return s.with(forRestart ? ServiceState.RESTARTING : ServiceState.STOPPED, outcome.describe());
        }
    }

    /** An in-process step cancelled because muster is stopping: its dependents will not start. */
    record Cancelled(String why) implements UnitEvent {
        public ServiceStatus next(ServiceStatus s, Instant now) {
            return s.with(ServiceState.STOPPED, why);
        }

        public Release release() {
            return Release.FAIL;
        }
    }

    /** It failed for good; its output has been drained, so its tail is complete. */
    record Failed(Failure failure) implements UnitEvent {
        public ServiceStatus next(ServiceStatus s, Instant now) {
            return s.with(ServiceState.FAILED, failure.reason());
        }

        public Release release() {
            return Release.FAIL;
        }
    }

    /** Never started: a dependency failed, or muster stopped first. */
    record NotStarted(String why) implements UnitEvent {
        public ServiceStatus next(ServiceStatus s, Instant now) {
            return s.with(ServiceState.NOT_STARTED, why);
        }

        public Release release() {
            return Release.FAIL;
        }
    }
}
