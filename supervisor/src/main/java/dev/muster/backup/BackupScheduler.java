package dev.muster.backup;

import dev.muster.profile.BackupSpec;
import dev.muster.threads.Daemons;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs each periodic backup every {@code every} while the stack runs, on its own thread, so a dump never
 * blocks a probe, a restart or a stop. The first dump is one period after {@link #start(BackupSpec)}; a dump that
 * takes longer than the period is followed by the next at once, never by two at a time. Idle between
 * dumps (a timer, no polling).
 */
final class BackupScheduler implements AutoCloseable {
    private final List<BackupSpec> backups;
    private final Consumer<BackupSpec> dump;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Daemons.named("muster-backup"));

    /** @param dump runs one dump of a backup to completion (and reports it) */
    BackupScheduler(List<BackupSpec> backups, Consumer<BackupSpec> dump, Clock clock) {
        this.backups = backups.stream().filter(BackupSpec::periodic).toList();
        this.dump = dump;
        this.clock = clock;
    }

    /** Starts {@code backup}'s periodic dumps, the first one period from now; a backup that is not periodic is ignored. */
    void start(BackupSpec backup) {
        if (backups.contains(backup)) {
            Instant now = clock.instant();
            schedule(backup, delay(now, backup.every(), now));
        }
    }

    /** How long to wait after a dump that started at {@code lastStart}: the rest of the period, at least zero. */
    static Duration delay(Instant lastStart, Duration every, Instant now) {
        Duration left = Duration.between(now, lastStart.plus(every));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void schedule(BackupSpec backup, Duration delay) {
        if (timer.isShutdown()) {
            return;
        }
        try {
            timer.schedule(() -> {
                Instant start = clock.instant();
                dump.accept(backup);
                schedule(backup, delay(start, backup.every(), clock.instant()));
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Stopped meanwhile: no more periodic dumps.
        }
    }

    /** No further periodic dumps; a running one is interrupted by the caller's cancel. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
