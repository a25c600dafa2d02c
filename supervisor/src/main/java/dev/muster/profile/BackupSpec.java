package dev.muster.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One entry under {@code backups:}: PostgreSQL dumps ({@code pg_dump -Fc} plus the roles) that outlive
 * the container's own disk.
 *
 * @param name     the key under {@code backups:}; the prefix of every dump file name
 * @param database the database dumped and restored (same shape as a schema step's {@code database:})
 * @param to       the directory the dumps go to: a bucket mount, a volume, NFS
 * @param every    the period of dumps while running; {@link Duration#ZERO} for none (default)
 * @param onStop   dump once more when stopping, after every dependent stopped and before PostgreSQL
 *                 stops (default true)
 * @param restore  what to do on an empty database (default auto)
 * @param keep     how many verified dumps to keep, at least 1 (default 7)
 * @param timeout  the longest one dump may take before it is abandoned (default 10m)
 */
public record BackupSpec(String name, DatabaseSpec database, Path to, Duration every, boolean onStop,
                         RestoreMode restore, int keep, Duration timeout) {
    public static final int DEFAULT_KEEP = 7;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public BackupSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(to, "to");
        every = every == null ? Duration.ZERO : every;
        Objects.requireNonNull(restore, "restore");
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /**
     * This backup with a dump bounded by {@code limit} as well as by its own timeout (a stop budget's
     * share); itself when its own timeout is already shorter. A negative limit counts as zero.
     */
    public BackupSpec within(Duration limit) {
        Duration bounded = limit.isNegative() ? Duration.ZERO : limit;
        return bounded.compareTo(timeout) >= 0 ? this
                : new BackupSpec(name, database, to, every, onStop, restore, keep, bounded);
    }

    /** Whether it dumps periodically while running. */
    public boolean periodic() {
        return !every.isZero();
    }

    /** Whether {@code other} names the same database on the same server as this backup. */
    public boolean sameDatabase(DatabaseSpec other) {
        return sameServer(other) && database.name().equals(other.name());
    }

    /** Whether {@code other} is on the same PostgreSQL server (host and port; local addresses are one host). */
    public boolean sameServer(DatabaseSpec other) {
        return database.port() == other.port() && sameHost(database.host(), other.host());
    }

    private static boolean sameHost(String a, String b) {
        return a.equals(b) || (local(a) && local(b));
    }

    private static boolean local(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("/");
    }
}
