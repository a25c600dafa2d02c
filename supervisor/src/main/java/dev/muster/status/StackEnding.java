package dev.muster.status;

import dev.muster.process.Signal;
import java.util.List;

/**
 * How a {@code muster up} ended, typed until {@link #how()} renders it: the one wording shared by
 * the console's last line, the boot record, {@code status} and the dashboard.
 */
public sealed interface StackEnding {

    /** muster's exit status. */
    int exitCode();

    /** The services that had to be SIGKILLed while stopping, in the order they stopped. */
    List<String> killed();

    /** "stopped cleanly after SIGTERM (muster down)", "stopped because db failed: ...". */
    String how();

    /** The console's last line: {@link #how()} and the exit status. */
    default String farewell() {
        return how() + "; exit " + exitCode();
    }

    /** A signal (or {@code muster down}, which sends SIGTERM) stopped the stack: 128+N. */
    record Signalled(Signal signal, boolean down, List<String> killed) implements StackEnding {
        public Signalled {
            killed = List.copyOf(killed);
        }

        public int exitCode() {
            return 128 + signal.number();
        }

        public String how() {
            String via = signal.fullName() + (down ? " (muster down)" : "");
            return killed.isEmpty() ? "stopped cleanly after " + via : "stopped after " + via + killedText(killed);
        }

        /** The same ending, noting that {@code muster down} sent the signal. */
        public Signalled viaDown() {
            return new Signalled(signal, true, killed);
        }
    }

    /** A required service failed: 1. */
    record RequiredFailed(Failure failure, List<String> killed) implements StackEnding {
        public RequiredFailed {
            java.util.Objects.requireNonNull(failure, "failure");
            killed = List.copyOf(killed);
        }

        public int exitCode() {
            return 1;
        }

        public String how() {
            return "stopped because " + failure.service() + " failed: " + failure.reason() + killedText(killed);
        }

        /** Without the reason: the console printed the whole report just above. */
        @Override
        public String farewell() {
            return "stopped because " + failure.service() + " failed" + killedText(killed) + "; exit " + exitCode();
        }
    }

    /** Nothing was left to run (a stack of tasks): 0. */
    record AllFinished(List<String> killed) implements StackEnding {
        public AllFinished {
            killed = List.copyOf(killed);
        }

        public int exitCode() {
            return 0;
        }

        public String how() {
            return "nothing left to run" + killedText(killed);
        }
    }

    /** {@code muster run}'s command ended (its code, 128+N for a signal death), then the stack stopped. */
    record CommandEnded(String command, int exitCode, List<String> killed) implements StackEnding {
        public CommandEnded {
            killed = List.copyOf(killed);
        }

        public String how() {
            String ended = command + " " + new dev.muster.process.ExitStatus(exitCode).describe();
            return killed.isEmpty() ? ended + "; every service stopped cleanly" : ended + killedText(killed);
        }
    }

    /** muster itself failed before it could stop the stack in order. */
    record Aborted(int exitCode, List<String> killed) implements StackEnding {
        public String how() {
            return "muster ended with an error before the stack was stopped in order";
        }
    }

    private static String killedText(List<String> killed) {
        return killed.isEmpty() ? "" : "; not clean: SIGKILL was needed for " + String.join(", ", killed)
                + " (it did not stop within its stop timeout; raise stop.timeout)";
    }
}
