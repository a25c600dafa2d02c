package dev.muster.backup;

import dev.muster.database.PgConnector;
import dev.muster.process.Children;
import dev.muster.profile.BackupSpec;
import dev.muster.profile.Profile;
import dev.muster.schema.EmptyDatabaseRestore;
import dev.muster.status.ServiceState;
import dev.muster.status.StackStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The {@code backups:} of one run: the restore the schema guard asks for on a fresh database, the
 * periodic dumps, and the on-stop dumps the shutdown runs before PostgreSQL stops. Every attempt is
 * reported on the console and recorded in the {@link #ledger()}. Never throws into the supervisor.
 */
public final class Backups implements AutoCloseable {
    private final Profile profile;
    private final Map<String, List<BackupSpec>> anchors;
    private final Map<String, DumpWriter> writers = new LinkedHashMap<>();
    private final Map<String, ReentrantLock> locks = new LinkedHashMap<>();
    private final BackupLedger ledger;
    private final BackupScheduler scheduler;
    private final DumpRestorer restorer;
    private final Consumer<String> info;
    private final Consumer<String> error;
    private final Clock clock;

    /**
     * @param host  the writer's name in dump names and manifests
     * @param path  the PATH to find pg_dump, pg_dumpall and pg_restore on first
     * @param children the registry of muster's own children (so the reaper leaves the tools' exit statuses alone)
     * @param info  where reports go
     * @param error where failures go
     */
    public Backups(Profile profile, Clock clock, String host, String path, Children children, Consumer<String> info,
                   Consumer<String> error) {
        PgConnector connector = new PgConnector();
        PgTools tools = new PgTools(path);
        this.profile = profile;
        this.anchors = BackupAnchors.of(profile);
        profile.backups().values().forEach(spec -> {
            writers.put(spec.name(), new DumpWriter(connector, tools, new ToolRun(children), clock, host,
                    new SecureRandom()));
            locks.put(spec.name(), new ReentrantLock());
        });
        this.ledger = new BackupLedger(profile.backups().keySet());
        this.scheduler = new BackupScheduler(List.copyOf(profile.backups().values()),
                spec -> dump(spec, DumpOutcome.Trigger.SCHEDULED), clock);
        this.restorer = new DumpRestorer(profile.backups(), connector, tools, new ToolRun(children));
        this.info = info;
        this.error = error;
        this.clock = clock;
    }

    /** What the schema guard asks on a fresh database. */
    public EmptyDatabaseRestore restore() {
        return restorer;
    }

    public BackupLedger ledger() {
        return ledger;
    }

    /**
     * Starts each backup's periodic dumps ({@code every}) once its database is settled in this run: the
     * schema step on it completed (after any restore), or, without one, its PostgreSQL server is ready.
     * So no dump is attempted before the database exists.
     */
    public void start(StackStatus status) {
        Map<String, BackupSpec> waiting = new ConcurrentHashMap<>();
        for (BackupSpec spec : profile.backups().values()) {
            info.accept("backups." + spec.name() + ": " + spec.database().describe() + " to " + spec.to()
                    + (spec.periodic() ? ", every " + dev.muster.status.Durations.format(spec.every()) : "")
                    + (spec.onStop() ? ", on stop before " + BackupAnchors.anchor(profile, spec).orElse("?") : "")
                    + ", restore " + spec.restore().yamlName() + ", keep " + spec.keep());
            Optional<String> gate = BackupAnchors.settledBy(profile, spec);
            if (gate.isEmpty()) {
                scheduler.start(spec);
            } else {
                waiting.put(gate.get() + "/" + spec.name(), spec);
            }
        }
        status.addListener(service -> {
            if (service.state() == ServiceState.COMPLETED || service.state() == ServiceState.READY) {
                waiting.entrySet().removeIf(entry -> {
                    boolean due = entry.getKey().startsWith(service.name() + "/");
                    if (due) {
                        scheduler.start(entry.getValue());
                    }
                    return due;
                });
            }
        });
    }

    /** The units whose stop waits for an on-stop dump: each backup's PostgreSQL server. */
    public java.util.Set<String> stopAnchors() {
        return anchors.keySet();
    }

    /** Runs the on-stop dumps anchored at {@code unit}: every dependent of it has stopped, it has not. */
    public void beforeStop(String unit) {
        beforeStop(unit, null);
    }

    /**
     * As {@link #beforeStop(String)}, all of them within {@code within} (the share of a stop budget), each
     * still within its own {@code timeout}; null for their own timeouts only.
     */
    public void beforeStop(String unit, Duration within) {
        List<BackupSpec> due = anchors.getOrDefault(unit, List.of());
        if (due.isEmpty()) {
            return;
        }
        close();
        Instant deadline = within == null ? null : clock.instant().plus(within);
        for (BackupSpec spec : due) {
            BackupSpec bounded = deadline == null ? spec : spec.within(Duration.between(clock.instant(), deadline));
            info.accept("backups." + spec.name() + ": on-stop dump of " + spec.database().name() + " before " + unit
                    + " stops" + (bounded == spec ? "" : ", within " + dev.muster.status.Durations.format(bounded.timeout())
                    + " of the stop budget"));
            dump(bounded, DumpOutcome.Trigger.ON_STOP);
        }
    }

    /** No further periodic dumps; a running one is ended (its files removed, earlier dumps untouched). */
    @Override
    public void close() {
        scheduler.close();
        writers.values().forEach(DumpWriter::cancel);
    }

    /** One dump, at most one per backup at a time; reported and recorded. */
    DumpOutcome dump(BackupSpec spec, DumpOutcome.Trigger trigger) {
        ReentrantLock lock = locks.get(spec.name());
        lock.lock();
        try {
            DumpOutcome outcome = writers.get(spec.name()).dump(spec, trigger);
            ledger.record(outcome);
            report(spec, outcome);
            return outcome;
        } catch (RuntimeException e) {
            error.accept("backups." + spec.name() + ": the dump failed unexpectedly: " + e);
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void report(BackupSpec spec, DumpOutcome outcome) {
        String head = "backups." + spec.name() + " (" + outcome.trigger().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-') + "): ";
        switch (outcome.result()) {
            case WRITTEN -> info.accept(head + "wrote " + outcome.file() + " (" + outcome.size() + " bytes in "
                    + dev.muster.status.Durations.format(outcome.duration()) + ") to " + spec.to()
                    + (outcome.detail().isEmpty() ? "" : "; " + outcome.detail()));
            case SKIPPED -> info.accept(head + "skipped: " + outcome.detail());
            case FAILED -> error.accept(head + "FAILED: " + outcome.detail());
        }
    }
}
