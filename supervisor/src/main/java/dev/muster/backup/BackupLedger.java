package dev.muster.backup;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest {@link BackupStatus} of every backup, updated by each dump attempt; the source that the
 * control plane's {@code /status} and {@code /metrics} read ({@link #snapshot}, {@link BackupMetrics}).
 */
public final class BackupLedger {
    private final Map<String, BackupStatus> statuses = new ConcurrentHashMap<>();
    private final List<String> order;

    public BackupLedger(Collection<String> backups) {
        this.order = List.copyOf(backups);
        order.forEach(name -> statuses.put(name, BackupStatus.initial(name)));
    }

    void record(DumpOutcome outcome) {
        statuses.computeIfPresent(outcome.backup(), (name, status) -> status.after(outcome));
    }

    /** Every backup's status, in declaration order. */
    public List<BackupStatus> snapshot() {
        return order.stream().map(statuses::get).toList();
    }
}
