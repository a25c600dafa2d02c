package dev.muster.backup;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The backups' series for {@code /metrics}: last successful dump time, size and duration per backup
 * (absent until the first dump of this run), and failed attempts.
 */
public final class BackupMetrics {
    private BackupMetrics() {
    }

    public static void register(PrometheusRegistry registry, BackupLedger ledger) {
        gauge(registry, ledger, "muster_backup_last_success_timestamp_seconds",
                "Unix time at which the newest dump of this run started", s -> s.lastSuccessAt().toEpochMilli() / 1000.0);
        gauge(registry, ledger, "muster_backup_last_size_bytes", "Size of the newest dump of this run", s -> s.lastSize());
        gauge(registry, ledger, "muster_backup_last_duration_seconds", "How long the newest dump of this run took",
                s -> s.lastDuration().toMillis() / 1000.0);
        CounterWithCallback.builder().name("muster_backup_failures").help("Failed dump attempts in this run")
                .labelNames("backup").callback(cb -> ledger.snapshot().forEach(s -> cb.call(s.failures(), s.backup())))
                .register(registry);
    }

    private static void gauge(PrometheusRegistry registry, BackupLedger ledger, String name, String help,
                              ToDoubleFunction<BackupStatus> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("backup").callback(cb -> ledger.snapshot().stream()
                .filter(s -> s.lastSuccessAt() != null).forEach(s -> cb.call(value.applyAsDouble(s), s.backup())))
                .register(registry);
    }
}
