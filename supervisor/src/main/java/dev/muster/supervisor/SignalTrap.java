package dev.muster.supervisor;

import dev.muster.process.Signal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * muster's answer to every signal a platform, tini or an operator may send it, so none ends the
 * JVM by its default action while services are running:
 * <ul>
 *   <li>{@link #STOP}: SIGTERM, SIGINT and SIGHUP stop every service cleanly, then muster exits 128+N
 *       (as tini, s6-overlay and docker expect; muster has no configuration to reload on SIGHUP).</li>
 *   <li>{@link #IGNORED}: SIGUSR1, SIGUSR2, SIGALRM, SIGPWR, SIGXCPU, SIGVTALRM, SIGPROF, SIGIO, SIGSTKFLT
 *       and SIGXFSZ end a process by default; muster says it received one and carries on. They are not
 *       forwarded: a service's own meaning for them (PostgreSQL's SIGUSR1, a walsender's SIGUSR2) is not
 *       muster's to trigger.</li>
 *   <li>SIGQUIT stays the JVM's: a thread dump on standard output, muster carries on.</li>
 * </ul>
 * SIGUSR2 is HotSpot's thread suspend/resume signal on Linux unless {@value #SR_SIGNUM} moves it
 * (read once by the JVM at start-up; the {@code entrypoint} shim sets it to {@value #SHIM_SR_SIGNUM},
 * SIGRTMAX). Without it, taking SIGUSR2 over would break the JVM's own thread suspension, so it is
 * left alone and the trap says so once.
 */
public final class SignalTrap {
    /** The signals that stop the stack. */
    public static final List<Signal> STOP = List.of(Signal.TERM, Signal.INT, Signal.HUP);
    /** The signals received, reported and otherwise ignored. */
    public static final List<Signal> IGNORED = List.of(Signal.USR1, Signal.USR2, Signal.ALRM, Signal.PWR,
            Signal.XCPU, Signal.VTALRM, Signal.PROF, Signal.IO, Signal.STKFLT, Signal.XFSZ);
    /** The environment variable HotSpot reads for its suspend/resume signal. */
    public static final String SR_SIGNUM = "_JAVA_SR_SIGNUM";
    /** The value the entrypoint shim gives {@value #SR_SIGNUM}: SIGRTMAX on Linux. */
    public static final int SHIM_SR_SIGNUM = 64;

    private final Map<String, String> env;
    private final Consumer<String> report;

    /**
     * @param env    muster's own environment, for {@value #SR_SIGNUM}
     * @param report told about each ignored signal, and once when SIGUSR2 cannot be taken over
     */
    public SignalTrap(Map<String, String> env, Consumer<String> report) {
        this.env = Map.copyOf(env);
        this.report = report;
    }

    /** Installs the handlers; {@code stop} runs on a JVM signal thread and must not block. */
    public void install(Consumer<Signal> stop) {
        for (Signal signal : STOP) {
            handle(signal, () -> stop.accept(signal));
        }
        for (Signal signal : IGNORED) {
            if (signal == Signal.USR2 && !suspendSignalMoved()) {
                report.accept("SIGUSR2 is the JVM's thread-suspend signal here, and one would crash muster: start it"
                        + " through the entrypoint shim, or set " + SR_SIGNUM + "=" + SHIM_SR_SIGNUM + " before java");
                continue;
            }
            handle(signal, () -> report.accept("received " + signal.fullName() + ": ignored (muster stops on "
                    + "SIGTERM, SIGINT or SIGHUP)"));
        }
    }

    /** Whether {@value #SR_SIGNUM} names a signal HotSpot accepts instead of SIGUSR2 (13..64). */
    boolean suspendSignalMoved() {
        try {
            int number = Integer.parseInt(env.getOrDefault(SR_SIGNUM, "").strip());
            return number > Signal.SEGV.number() && number <= SHIM_SR_SIGNUM && number != Signal.USR2.number();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void handle(Signal signal, Runnable action) {
        sun.misc.Signal.handle(new sun.misc.Signal(signal.name()), s -> action.run());
    }
}
