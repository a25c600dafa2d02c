package dev.muster.backup;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The latest {@link BackupStatus} of every backup, updated by each dump attempt; the source that the
 * control plane's {@code /status} and {@code /metrics} read ({@link #snapshot}, {@link BackupMetrics}).
 */
public final class BackupLedger {
    private final Map<String, BackupStatus> statuses = new ConcurrentHashMap<>();
    private final List<String> order;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public BackupLedger(Collection<String> backups) {
        this.order = List.copyOf(backups);
        order.forEach(name -> statuses.put(name, BackupStatus.initial(name)));
    }

    void record(DumpOutcome outcome) {
        statuses.computeIfPresent(outcome.backup(), (name, status) -> status.after(outcome));
        listeners.forEach(Runnable::run);
    }

    /** Calls {@code listener} after every recorded attempt (the boot record is rewritten then); must not block. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Every backup's status, in declaration order. */
    public List<BackupStatus> snapshot() {
        return order.stream().map(statuses::get).toList();
    }
}
