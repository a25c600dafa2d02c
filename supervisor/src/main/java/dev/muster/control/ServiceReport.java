package dev.muster.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.muster.profile.Kind;
import dev.muster.status.ServiceState;
import dev.muster.status.ServiceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One service in a {@link StatusDocument}. Instants are ISO-8601 strings, null until they happened.
 *
 * @param name          the service's name
 * @param kind          service, task, schema or migrations
 * @param required      whether its failure stops the stack
 * @param state         its state's name (READY, STARTING, ...)
 * @param label         what the summary shows: "ready", "degraded", ...
 * @param pid           its process id, 0 without one
 * @param since         when it entered its current state
 * @param startedAt     when it was (last) launched
 * @param readyAt       when it became ready or completed
 * @param timeToReadyMs launch to ready in milliseconds, null until ready
 * @param address       where it is reached, "-" when unknown
 * @param restarts      how many times it was restarted
 * @param detail        the latest explanation: the last probe result, exit status or reason (redacted)
 * @param dependsOn     the services it waits for
 * @param bootStartedAt the launch of the run that first became ready during the boot (null until then)
 * @param bootReadyAt   when it first became ready: the boot's critical chain counts this, never a later restart
 * @param logFile       why its {@code log:} file is not written at the moment, null while it is (or it has none)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceReport(String name, String kind, boolean required, String state, String label, long pid,
                            String since, String startedAt, String readyAt, Long timeToReadyMs, String address,
                            int restarts, String detail, List<String> dependsOn, String bootStartedAt,
                            String bootReadyAt, LogFileReport logFile) {
    public ServiceReport {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** A report of a service whose log file (if any) is fine. */
    public ServiceReport(String name, String kind, boolean required, String state, String label, long pid,
                         String since, String startedAt, String readyAt, Long timeToReadyMs, String address,
                         int restarts, String detail, List<String> dependsOn, String bootStartedAt, String bootReadyAt) {
        this(name, kind, required, state, label, pid, since, startedAt, readyAt, timeToReadyMs, address, restarts, detail,
                dependsOn, bootStartedAt, bootReadyAt, null);
    }

    /** The boot's launch of it: {@link #bootStartedAt}, or for older records the last launch. */
    public String firstStartedAt() {
        return bootStartedAt != null ? bootStartedAt : startedAt;
    }

    /** The boot's ready time of it: {@link #bootReadyAt}, or for older records the last ready. */
    public String firstReadyAt() {
        return bootReadyAt != null ? bootReadyAt : readyAt;
    }

    /** Whether the stack counts it as up: ready, or a task that completed or was skipped. */
    public boolean ready() {
        return parsedState().up();
    }

    /** Back to a {@link ServiceStatus}, for the summary table. */
    public ServiceStatus toStatus() {
        return new ServiceStatus(name, Kind.valueOf(kind.toUpperCase(Locale.ROOT)), required, parsedState(), pid,
                instant(startedAt), instant(readyAt), address, restarts, detail);
    }

    /** The state as the enum; an unknown name (a newer muster's record) reads as waiting. */
    ServiceState parsedState() {
        try {
            return ServiceState.valueOf(state);
        } catch (IllegalArgumentException | NullPointerException e) {
            return ServiceState.WAITING;
        }
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
