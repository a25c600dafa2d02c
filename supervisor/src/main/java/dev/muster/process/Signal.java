package dev.muster.process;

import java.util.Locale;
import java.util.Optional;

/** POSIX signals by their Linux (x86_64 and arm64) numbers. Names are accepted with or without "SIG". */
public enum Signal {
    HUP(1), INT(2), QUIT(3), ILL(4), TRAP(5), ABRT(6), BUS(7), FPE(8), KILL(9), USR1(10),
    SEGV(11), USR2(12), PIPE(13), ALRM(14), TERM(15), STKFLT(16), CHLD(17), CONT(18), STOP(19), TSTP(20),
    TTIN(21), TTOU(22), URG(23), XCPU(24), XFSZ(25), VTALRM(26), PROF(27), WINCH(28), IO(29), PWR(30), SYS(31);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** Parses "TERM", "SIGTERM", "term" or "15". */
    public static Optional<Signal> parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        if (name.startsWith("SIG")) {
            name = name.substring(3);
        }
        for (Signal signal : values()) {
            if (signal.name().equals(name) || String.valueOf(signal.number).equals(name)) {
                return Optional.of(signal);
            }
        }
        return Optional.empty();
    }

    /** The signal with this number, if muster knows it. */
    public static Optional<Signal> ofNumber(int number) {
        for (Signal signal : values()) {
            if (signal.number == number) {
                return Optional.of(signal);
            }
        }
        return Optional.empty();
    }

    /** "SIGTERM". */
    public String fullName() {
        return "SIG" + name();
    }
}
