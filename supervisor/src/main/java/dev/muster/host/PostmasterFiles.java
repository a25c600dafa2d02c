package dev.muster.host;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The classic leftover of a killed container: {@code postmaster.pid} in a PostgreSQL data directory.
 * Its first line is the postmaster's pid. PostgreSQL itself treats the file as stale when that pid
 * does not exist or belongs to another uid ({@code kill(pid, 0)} fails with ESRCH or EPERM), but when
 * the pid was reused by another process of its own uid (a fresh container counts pids from 1 again;
 * as uid 1000 every service shares one uid) it refuses to start: "FATAL: lock file "postmaster.pid"
 * already exists. HINT: Is another postmaster (PID N) running". Checked with PostgreSQL 15 by
 * {@code LocksAndLeftoversIT}. Before the boot, for each
 * service that runs {@code postgres -D DIR} (or with {@code PGDATA}):
 * <ul>
 *   <li>the pid is a postmaster on this data directory: two postmasters on one data directory corrupt
 *       it, so the boot stops (exit 3) with what to do;</li>
 *   <li>the pid belongs to another program, or to a postmaster elsewhere: the file is stale, muster
 *       removes it and says so;</li>
 *   <li>no such pid: PostgreSQL handles it, muster says nothing.</li>
 * </ul>
 * A live postmaster in another container on a shared volume has a pid of another PID namespace and
 * cannot be seen from here: {@code lock:} on that volume is what keeps two containers apart.
 */
public final class PostmasterFiles {
    private static final Set<String> POSTMASTER = Set.of("postgres", "postmaster");

    private final Consumer<String> report;

    public PostmasterFiles(Consumer<String> report) {
        this.report = report;
    }

    /** Checks the data directory of every PostgreSQL service; relative paths are relative to {@code workDir}. */
    public void check(Profile profile, Path workDir) {
        for (ServiceSpec service : profile.services().values()) {
            Path cwd = service.cwd() == null ? workDir : workDir.resolve(service.cwd());
            String pgdata = service.env().getOrDefault("PGDATA", profile.env().get("PGDATA"));
            dataDirectory(service.argv(), pgdata, cwd).ifPresent(dir -> check(service.name(), dir));
        }
    }

    void check(String service, Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<Long> pid = firstLinePid(pidFile);
        if (pid.isEmpty() || !Processes.alive(pid.get())) {
            return;
        }
        long owner = pid.get();
        Optional<String> program = Processes.command(owner);
        boolean postgres = program.filter(POSTMASTER::contains).isPresent();
        Optional<Path> cwd = Processes.workingDirectory(owner);
        if (postgres && (cwd.isEmpty() || sameDirectory(cwd.get(), dataDir))) {
            throw new MusterException(ExitCodes.PREFLIGHT_FAILED, "services." + service + ": PostgreSQL (pid " + owner
                    + ") is already running on " + dataDir + " (its postmaster.pid says so, and so does the process);"
                    + " two postmasters on one data directory corrupt it. Stop that one first (pg_ctl stop -D "
                    + dataDir + " -m fast, or stop the muster or container that runs it), then start again");
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new MusterException(ExitCodes.PREFLIGHT_FAILED, "services." + service + ": " + pidFile
                    + " is stale (pid " + owner + " is now " + program.orElse("another process")
                    + ") but cannot be removed: " + e.getMessage() + "; remove it by hand and start again");
        }
        report.accept("removed a stale " + pidFile + ": it names pid " + owner + ", which is now "
                + program.map(p -> "\"" + p + "\"").orElse("another process")
                + (postgres ? " on another data directory" : "") + ", not a PostgreSQL on this data directory"
                + " (left by a PostgreSQL that was killed)");
    }

    /** The data directory of a service that runs the postgres server: {@code -D DIR}, {@code -DDIR} or {@code PGDATA}. */
    static Optional<Path> dataDirectory(List<String> argv, String pgdata, Path cwd) {
        if (argv.isEmpty() || !POSTMASTER.contains(Path.of(argv.get(0)).getFileName().toString())) {
            return Optional.empty();
        }
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("-D") && i + 1 < argv.size()) {
                return Optional.of(cwd.resolve(argv.get(i + 1)).normalize());
            }
            if (arg.startsWith("-D") && arg.length() > 2) {
                return Optional.of(cwd.resolve(arg.substring(2)).normalize());
            }
        }
        return Optional.ofNullable(pgdata).filter(d -> !d.isBlank())
                .map(d -> cwd.resolve(d).normalize());
    }

    private static Optional<Long> firstLinePid(Path pidFile) {
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            return Optional.of(Long.parseLong(first)).filter(pid -> pid > 0);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
