package dev.muster.host;

import dev.muster.process.ProcStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What /proc says about processes muster did not start: when they started, their program and directory. */
final class Processes {
    /** USER_HZ: the unit of /proc/PID/stat's start time on every Linux architecture muster runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private Processes() {
    }

    /** When {@code pid} started (wall clock, to 10 ms), empty when it does not exist. */
    static Optional<Instant> startedAt(long pid) {
        Optional<ProcStat> stat = ProcStat.of(pid);
        Optional<Long> boot = bootTime();
        if (stat.isEmpty() || boot.isEmpty()) {
            return Optional.empty();
        }
        long ticks = stat.get().startTicks();
        return Optional.of(Instant.ofEpochSecond(boot.get()).plusMillis(ticks * 1000 / TICKS_PER_SECOND));
    }

    /** The program name the kernel shows ({@code /proc/PID/comm}), empty when unknown. */
    static Optional<String> command(long pid) {
        try {
            return Optional.of(Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Its working directory, empty when it does not exist or may not be read (another uid, not root). */
    static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd")));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    static boolean alive(long pid) {
        return ProcStat.of(pid).filter(stat -> stat.state() != 'Z').isPresent();
    }

    /** Waits up to {@code timeout} for {@code pid} to end; true when it did (or never existed). */
    static boolean awaitExit(long pid, java.time.Duration timeout) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return true;
        }
        try {
            handle.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !alive(pid);
        } catch (ExecutionException e) {
            return !alive(pid);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !alive(pid);
        }
    }

    private static Optional<Long> bootTime() {
        try {
            return Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.startsWith("btime "))
                    .map(l -> Long.parseLong(l.substring(6).strip())).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
