package dev.muster.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The few fields of {@code /proc/PID/stat} muster needs (proc(5)): parent, process group, session
 * and start time (clock ticks after boot; with the pid it names one process even after pid reuse).
 */
public record ProcStat(long pid, char state, long parent, long group, long session, long startTicks) {

    /** A process's identity across pid reuse. */
    public record Identity(long pid, long startTicks) {
    }

    public Identity identity() {
        return new Identity(pid, startTicks);
    }

    /** The process's fields now, empty when it does not exist (or /proc cannot be read). */
    public static Optional<ProcStat> of(long pid) {
        try {
            return Optional.of(parse(pid, Files.readString(Path.of("/proc", String.valueOf(pid), "stat"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses one stat line; the command name in parentheses may itself hold spaces and parentheses. */
    static ProcStat parse(long pid, String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return new ProcStat(pid, fields[0].charAt(0), Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                Long.parseLong(fields[3]), Long.parseLong(fields[19]));
    }
}
