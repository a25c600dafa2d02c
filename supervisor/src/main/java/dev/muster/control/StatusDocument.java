package dev.muster.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code /status} answers and the boot record holds: the stack, its boot phases and every
 * service, secrets already redacted. Instants are ISO-8601 strings (UTC), null until they happened.
 *
 * @param stack    the profile's name
 * @param source   the profile file
 * @param pid      muster's process id
 * @param control  the control plane's URL ("http://127.0.0.1:7860"), "" when it did not start
 * @param health   what {@code /health} says: ready, booting, restarting, failing, stopping or stopped
 * @param phases   the boot's phases in the order they happened (preflight, prepare, boot, all ready, stopping, stopped)
 * @param services every service in declaration order
 * @param ended    how muster ended, null while it runs
 * @param backups  every backup under {@code backups:}, in declaration order; empty without any (and in
 *                 records written before backups were reported)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusDocument(String stack, String source, long pid, String control, String health,
                             List<Phase> phases, List<ServiceReport> services, Ending ended,
                             List<BackupReport> backups) {
    /** The boot record's file name in the run directory. */
    public static final String RECORD_FILE = "boot.json";

    public StatusDocument {
        phases = phases == null ? List.of() : List.copyOf(phases);
        services = services == null ? List.of() : List.copyOf(services);
        backups = backups == null ? List.of() : List.copyOf(backups);
    }

    /** A document without backups. */
    public StatusDocument(String stack, String source, long pid, String control, String health, List<Phase> phases,
                          List<ServiceReport> services, Ending ended) {
        this(stack, source, pid, control, health, phases, services, ended, List.of());
    }

    /** When a phase (by name) began, if it did. */
    public Optional<Instant> phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst().map(p -> Instant.parse(p.at()));
    }

    /**
     * One step of the boot.
     *
     * @param name   preflight, prepare, boot, all ready, stopping or stopped
     * @param at     when it began
     * @param detail why, where it helps ("muster down", "SIGTERM")
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Phase(String name, String at, String detail) {
    }

    /**
     * How a supervisor run ended.
     *
     * @param at       when muster finished stopping
     * @param exitCode muster's exit status
     * @param how      in words: "stopped cleanly after SIGTERM (muster down)"
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ending(String at, int exitCode, String how) {
    }
}
