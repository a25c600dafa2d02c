package dev.muster.control;

import dev.muster.status.Durations;
import dev.muster.status.SummaryTable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code muster status} prints: a headline (running or not, how the boot ended), the same
 * table as the boot summary, and the details of services that are not fine.
 */
public final class StatusReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    public StatusReport(ZoneId zone) {
        this.zone = zone;
    }

    /** The report of a supervisor that answered. */
    public List<String> live(StatusDocument document) {
        List<String> lines = new ArrayList<>();
        String ready = readyLine(document).map(r -> "; " + r).orElse("");
        lines.add(document.stack() + ": " + document.health() + " (muster pid " + document.pid() + ", control "
                + document.control() + ready + ")");
        lines.addAll(table(document));
        lines.addAll(backups(document));
        return lines;
    }

    /**
     * The report of the last boot, read from its record because no supervisor answered.
     *
     * @param alive whether the process that wrote the record still runs
     */
    public List<String> recorded(StatusDocument document, String where, boolean alive) {
        List<String> lines = new ArrayList<>();
        String started = document.phase("boot").or(() -> document.phase("preflight")).map(this::time).orElse("?");
        lines.add(document.stack() + " is not running: no supervisor answers at " + where + ".");
        if (document.ended() != null) {
            lines.add("last boot: muster pid " + document.pid() + ", started " + started + ", ended "
                    + time(Instant.parse(document.ended().at())) + ": " + document.ended().how()
                    + " (exit " + document.ended().exitCode() + ")");
        } else if (alive) {
            lines.add("muster pid " + document.pid() + " (started " + started + ") is still running, but its control"
                    + " plane does not answer; its last recorded state:");
        } else {
            lines.add("last boot: muster pid " + document.pid() + ", started " + started + ", recorded no end: it was"
                    + " killed (SIGKILL, OOM) or the machine stopped; its last recorded state:");
        }
        lines.addAll(table(document));
        lines.addAll(backups(document));
        return lines;
    }

    /** Whether the stack is all fine: running, every service ready (tasks completed or skipped). */
    public static boolean allReady(StatusDocument document) {
        return document.ended() == null && document.health().equals("ready")
                && document.services().stream().allMatch(ServiceReport::ready);
    }

    private List<String> table(StatusDocument document) {
        List<String> lines = new ArrayList<>(new SummaryTable().render(
                document.services().stream().map(ServiceReport::toStatus).toList()));
        for (ServiceReport s : document.services()) {
            if (!s.ready() && !s.state().equals("STOPPED") && !s.detail().isEmpty()) {
                lines.add("  " + s.name() + " (" + s.label() + "): " + s.detail());
            }
            if (s.logFile() != null) {
                lines.add("  " + s.name() + ": " + s.logFile().sentence(zone));
            }
        }
        return lines;
    }

    /** One line per backup: its newest dump of the run, and the latest attempt when it did not write one. */
    List<String> backups(StatusDocument document) {
        List<String> lines = new ArrayList<>();
        for (BackupReport b : document.backups()) {
            String last = b.lastSuccessAt() == null ? "no dump yet in this run"
                    : "last dump " + time(Instant.parse(b.lastSuccessAt())) + ", " + b.lastFile() + " ("
                    + b.lastSize() + " bytes in " + Durations.format(Duration.ofMillis(b.lastDurationMs())) + ")";
            String attempt = b.lastResult() == null || b.lastResult().equals("written") ? ""
                    : "; latest attempt " + time(Instant.parse(b.lastAttemptAt())) + " " + b.lastResult()
                    + (b.lastDetail().isEmpty() ? "" : ": " + b.lastDetail());
            lines.add("backup " + b.name() + " to " + b.to() + ": " + last + "; " + b.failures() + " failed" + attempt);
        }
        return lines;
    }

    private Optional<String> readyLine(StatusDocument document) {
        Optional<Instant> boot = document.phase("boot");
        Optional<Instant> ready = document.phase("all ready");
        if (boot.isEmpty() || ready.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("all required ready in " + dev.muster.status.Durations.format(Duration.between(boot.get(), ready.get()))
                + " at " + time(ready.get()));
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }
}
