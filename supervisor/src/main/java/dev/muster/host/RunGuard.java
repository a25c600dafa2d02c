package dev.muster.host;

import dev.muster.process.Signals;
import dev.muster.profile.LockSpec;
import dev.muster.profile.Profile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What makes a boot safe on this host, taken before preflight and held for the whole run:
 * <ol>
 *   <li>the run lock ({@code muster.lock} in the run directory), always: two {@code up} of one
 *       profile on one machine never both boot, whatever their control ports; a second one waits
 *       up to {@link #RUN_LOCK_WAIT}, then exits 3 saying who holds it;</li>
 *   <li>the profile's {@code lock:}, when it names one (one supervisor per data volume);</li>
 *   <li>with both held, the previous run's {@link Leftovers} are stopped, and stale
 *       {@link PostmasterFiles} removed (a live postmaster stops the boot).</li>
 * </ol>
 */
public final class RunGuard implements AutoCloseable {
    /** How long a second {@code up} of the same profile waits for the first to finish stopping. */
    public static final Duration RUN_LOCK_WAIT = Duration.ofSeconds(10);
    /** The run lock's file name in the run directory. */
    public static final String RUN_LOCK = "muster.lock";

    private final List<RunLock> locks;

    private RunGuard(List<RunLock> locks) {
        this.locks = List.copyOf(locks);
    }

    /**
     * Takes the locks and clears the previous run's leftovers.
     *
     * @param runDir  the run directory (boot record, run lock)
     * @param workDir what relative paths in the profile are relative to
     * @param uid     the uid muster runs as, recorded in the lock files
     * @param report  told what muster waits for, stops or removes
     */
    public static RunGuard take(Profile profile, Path runDir, Path workDir, int uid, Clock clock, Consumer<String> report) {
        LockHolder self = LockHolder.self(profile.source().toAbsolutePath().toString(), uid, clock.instant());
        List<RunLock> locks = new ArrayList<>();
        try {
            Path runLock = runDir.resolve(RUN_LOCK);
            locks.add(RunLock.acquire("the run lock " + runLock + " of " + profile.source(), runLock, RUN_LOCK_WAIT,
                    self, report));
            if (profile.lock().isPresent()) {
                LockSpec lock = profile.lock().get();
                locks.add(RunLock.acquire("lock " + lock.path(), lock.path(), lock.timeout(), self, report));
            }
            new Leftovers(new Signals(), report).stop(runDir.resolve("boot.json"), profile);
            new PostmasterFiles(report).check(profile, workDir);
            return new RunGuard(locks);
        } catch (RuntimeException e) {
            locks.forEach(RunLock::close);
            throw e;
        }
    }

    /** Releases the locks (the kernel also does when muster exits, however it exits). */
    @Override
    public void close() {
        locks.forEach(RunLock::close);
    }
}
