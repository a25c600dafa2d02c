package dev.muster.supervisor;

import dev.muster.ExitCodes;
import dev.muster.process.Signal;
import dev.muster.status.Failure;

/** Why the stack is being stopped; decides muster's exit status. */
sealed interface StopReason {

    int exitCode();

    /** A signal asked muster to stop: 128+N. */
    record Signalled(Signal signal) implements StopReason {
        @Override
        public int exitCode() {
            return ExitCodes.SIGNAL_BASE + signal.number();
        }
    }

    /** A required service failed: 1. */
    record RequiredFailed(Failure failure) implements StopReason {
        @Override
        public int exitCode() {
            return ExitCodes.SERVICE_FAILED;
        }
    }

    /** Nothing is left running (a stack of tasks, for example): 0. */
    record AllFinished() implements StopReason {
        @Override
        public int exitCode() {
            return ExitCodes.OK;
        }
    }
}
