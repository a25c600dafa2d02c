package dev.muster.supervisor;

import dev.muster.process.ExitStatus;
import dev.muster.process.Signal;
import java.util.Optional;

/**
 * A one-off command a {@link Supervisor} runs once its boot settled ({@code muster run}): the
 * stack stays up while it runs and stops when it ends; signals go to it first.
 */
public interface OneOff {
    /** Runs it to its end; empty when {@link #stop()} came first and it never ran. Blocking. */
    Optional<ExitStatus> run();

    /** Passes {@code signal} on to it while it runs (and, past its stop timeout, SIGKILL); false when it is not running. */
    boolean forward(Signal signal);

    /** Stops it (SIGTERM, then SIGKILL after its stop timeout) if it runs, and keeps it from starting. Blocking. */
    void stop();

    /** How it is named in muster's messages: "the command python3 check.py". */
    String describe();
}
