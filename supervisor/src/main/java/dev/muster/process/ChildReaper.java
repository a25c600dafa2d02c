package dev.muster.process;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import dev.muster.threads.Daemons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * PID 1 duties. Registers muster as a child subreaper, so orphans of its services are re-parented
 * to muster rather than lost, and reaps every such orphan when it exits, so no zombie remains.
 * A thread blocks in {@code waitid(P_ALL, WEXITED | WNOWAIT)}: it learns of a zombie child without
 * reaping it, leaves children started through {@link ProcessBuilder} to Java's reaper (their exit
 * status is theirs), reaps the children {@link Children#watch watched} for muster and reports their
 * exit values, and reaps the others with {@code waitpid(pid)}. Nothing polls.
 *
 * <p>Only what descends from muster's services counts as an orphan to end. muster may have
 * inherited children from whatever started it (a log reader set up with {@code exec > >(cat > log)}
 * before {@code exec muster}): those were its children before {@link #start()}, or share muster's
 * own session, whereas every service is started in a new session ({@code setsid}) and a process
 * can only leave its session for a new one, so nothing a service forks is ever in muster's session.
 * Inherited processes are still reaped when they exit (no one else can), but never signalled.
 */
public final class ChildReaper {
    private static final int PR_SET_CHILD_SUBREAPER = 36;
    private static final int P_ALL = 0;
    private static final int WEXITED = 4;
    private static final int WNOWAIT = 0x01000000;
    private static final int WNOHANG = 1;
    private static final int ECHILD = 10;
    private static final int EINTR = 4;
    private static final int SI_PID_OFFSET = 16;
    private static final long KILLED_REAPED_MILLIS = 1000;
    private static final java.time.Duration KILLED_REAPED = java.time.Duration.ofMillis(KILLED_REAPED_MILLIS);

    private final Children children;
    private final Consumer<String> report;
    private final int self = LibC.INSTANCE.getpid();
    private final long session = ProcStat.of(self).map(ProcStat::session).orElse(-1L);
    private final java.util.Set<ProcStat.Identity> inherited = new java.util.HashSet<>();

    /** @param report told about each orphan reaped */
    public ChildReaper(Children children, Consumer<String> report) {
        this.children = children;
        this.report = report;
    }

    /** Becomes a subreaper and starts reaping; returns false where the kernel refuses (then orphans go to PID 1). */
    public boolean start() {
        childrenOfSelf().forEach(stat -> inherited.add(stat.identity()));
        boolean subreaper = LibC.INSTANCE.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0;
        Daemons.start("muster-reaper", this::loop);
        children.reapedHere();
        return subreaper;
    }

    /**
     * Children of muster it did not start and did not inherit: orphans of its services, adopted
     * as subreaper (or as PID 1).
     */
    public List<Long> orphans() {
        List<Long> orphans = new ArrayList<>();
        for (ProcStat stat : childrenOfSelf()) {
            if (children.started(stat.pid()).isEmpty() && stat.session() != session
                    && !inherited.contains(stat.identity())) {
                orphans.add(stat.pid());
            }
        }
        return orphans;
    }

    /** The processes whose parent is muster, as /proc shows them now. */
    private List<ProcStat> childrenOfSelf() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.map(p -> p.getFileName().toString()).filter(name -> name.matches("\\d+"))
                    .map(name -> ProcStat.of(Long.parseLong(name))).flatMap(Optional::stream)
                    .filter(stat -> stat.parent() == self).toList();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    private void loop() {
        Memory info = new Memory(128);
        while (!Thread.currentThread().isInterrupted()) {
            info.clear();
            long seen = children.registrations();
            int rc = LibC.INSTANCE.waitid(P_ALL, 0, info, WEXITED | WNOWAIT);
            if (rc != 0) {
                if (!waitAfterError(Native.getLastError(), seen)) {
                    return;
                }
                continue;
            }
            handle(info.getInt(SI_PID_OFFSET));
        }
    }

    private void handle(int pid) {
        Optional<CompletableFuture<Integer>> watched = children.watched(pid);
        if (watched.isPresent()) {
            int[] status = new int[1];
            int rc;
            do {
                rc = LibC.INSTANCE.waitpid(pid, status, 0);
            } while (rc == -1 && Native.getLastError() == EINTR);
            watched.get().complete(rc == pid ? exitValue(status[0]) : 128 + Signal.KILL.number());
            return;
        }
        Optional<CompletableFuture<?>> own = children.started(pid);
        if (own.isPresent()) {
            own.get().exceptionally(e -> null).join();
            return;
        }
        // Reaped and reported under the monitor that endOrphans scans under: once an orphan has left
        // /proc its report is already out, so no orphan's line can follow muster's farewell.
        synchronized (this) {
            int[] status = new int[1];
            if (LibC.INSTANCE.waitpid(pid, status, WNOHANG) == pid) {
                report.accept("reaped orphan process " + pid + " (" + decode(status[0]) + ")");
                notifyAll();
            }
        }
    }

    /**
     * Ends the orphans left after every service stopped: SIGTERM, up to {@code grace} for them to
     * exit (they are reaped as they do), then SIGKILL to those left and to whatever they leave in
     * turn, for at most {@value #KILLED_REAPED_MILLIS} ms more. Returns how many there were at first.
     */
    public synchronized int endOrphans(Signals signals, java.time.Duration grace) {
        List<Long> orphans = orphans();
        if (orphans.isEmpty()) {
            return 0;   // the usual case: one look at /proc, no second and third
        }
        orphans.forEach(pid -> signals.signal(pid, Signal.TERM));
        awaitNoOrphans(grace, null);
        // SIGKILL what is left, and on each later look what is new: a killed orphan's own children are
        // re-parented to muster only as it dies, and nothing else would signal them. Waiting for them to
        // be reaped also puts their "reaped" lines before muster's last.
        awaitNoOrphans(KILLED_REAPED, signals);
        return orphans.size();
    }

    /**
     * Waits, holding the monitor between looks, until no orphan is left or {@code limit} has passed;
     * with {@code killing}, SIGKILLs the orphans of every look.
     */
    private void awaitNoOrphans(java.time.Duration limit, Signals killing) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (List<Long> left = orphans(); !left.isEmpty() && System.nanoTime() < deadline; left = orphans()) {
            if (killing != null) {
                left.forEach(pid -> killing.signal(pid, Signal.KILL));
            }
            try {
                wait(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** After ECHILD, waits for muster's next child; returns false on interruption. */
    private boolean waitAfterError(int errno, long seen) {
        if (errno == EINTR) {
            return true;
        }
        try {
            if (errno == ECHILD) {
                children.awaitRegistrationAfter(seen);
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** A wait(2) status as Java's {@link Process#exitValue()} gives it: the exit code, or 128+N for signal N. */
    static int exitValue(int status) {
        int signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
    }

    /** A wait(2) status in words: "exited with code 4", "killed by SIGTERM" (often muster's own stop). */
    static String decode(int status) {
        int signal = status & 0x7f;
        if (signal == 0) {
            return new ExitStatus((status >> 8) & 0xff).describe();
        }
        return "killed by " + Signal.ofNumber(signal).map(Signal::fullName).orElse("signal " + signal);
    }
}
