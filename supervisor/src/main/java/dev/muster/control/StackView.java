package dev.muster.control;

import dev.muster.logs.FileProblem;
import dev.muster.backup.BackupStatus;
import dev.muster.profile.BackupSpec;
import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import dev.muster.secret.Redactor;
import dev.muster.status.ServiceStatus;
import dev.muster.status.StackStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns the live state into {@link StatusDocument}s and health answers, with every free-text field
 * passed through the profile's {@link Redactor}. Thread-safe.
 */
final class StackView {
    private final Profile profile;
    private final StackStatus status;
    private final BootTimeline timeline;
    private final Redactor redactor;
    private final Function<String, Optional<FileProblem>> logFiles;
    private volatile String control = "";
    private volatile Supplier<List<BackupStatus>> backups = List::of;

    /** @param logFiles each service's {@code log:} file problem at the moment it is asked */
    StackView(Profile profile, StackStatus status, BootTimeline timeline, Redactor redactor,
              Function<String, Optional<FileProblem>> logFiles) {
        this.profile = profile;
        this.logFiles = logFiles;
        this.status = status;
        this.timeline = timeline;
        this.redactor = redactor;
    }

    void control(String url) {
        this.control = url;
    }

    /** Where the backups' statuses come from (the run's {@code BackupLedger}). */
    void backups(Supplier<List<BackupStatus>> source) {
        this.backups = source;
    }

    String stack() {
        return profile.name();
    }

    List<String> services() {
        return List.copyOf(profile.services().keySet());
    }

    Health health() {
        return Health.of(status.snapshot(), timeline.stopping() || status.isStopping());
    }

    StatusDocument document() {
        List<ServiceReport> services = status.snapshot().stream().map(this::report).toList();
        StatusDocument.Ending ending = timeline.ending();
        String health = ending != null ? "stopped" : health().status();
        return new StatusDocument(profile.name(), profile.source().toString(), ProcessHandle.current().pid(), control,
                health, timeline.phases(), services, ending, backupReports());
    }

    private List<BackupReport> backupReports() {
        return backups.get().stream().map(b -> BackupReport.of(b, Optional.ofNullable(profile.backups().get(b.backup()))
                .map(BackupSpec::to).orElse(null), redactor::redact)).toList();
    }

    ServiceReport report(ServiceStatus s) {
        ServiceSpec spec = profile.services().get(s.name());
        Long ttr = s.timeToReady() == null ? null : s.timeToReady().toMillis();
        return new ServiceReport(s.name(), s.kind().name().toLowerCase(Locale.ROOT), s.required(), s.state().name(),
                s.stateLabel(), s.pid(), text(timeline.since(s.name())), text(s.startedAt()), text(s.readyAt()), ttr,
                redactor.redact(s.address()), s.restarts(), redactor.redact(s.detail()),
                spec == null ? List.of() : List.copyOf(spec.dependsOn().keySet()),
                text(timeline.firstStart(s.name())), text(timeline.firstReady(s.name())), logFile(s.name()));
    }

    /** The service's log file problem now, null while its file works. */
    LogFileReport logFile(String service) {
        return logFiles.apply(service).map(p -> LogFileReport.of(p, redactor)).orElse(null);
    }

    String redact(String text) {
        return redactor.redact(text);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
