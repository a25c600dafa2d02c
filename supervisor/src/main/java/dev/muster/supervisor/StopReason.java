package dev.muster.supervisor;

import dev.muster.process.Signal;
import dev.muster.status.Failure;
import dev.muster.status.StackEnding;
import java.util.List;

/** Why the stack is being stopped; with what stopping needed, it becomes the {@link StackEnding}. */
sealed interface StopReason {

    /** @param killed the services that had to be SIGKILLed while stopping */
    StackEnding ending(List<String> killed);

    /** A signal asked muster to stop: 128+N. */
    record Signalled(Signal signal) implements StopReason {
        @Override
        public StackEnding ending(List<String> killed) {
            return new StackEnding.Signalled(signal, false, killed);
        }
    }

    /** A required service failed: 1. */
    record RequiredFailed(Failure failure) implements StopReason {
        @Override
        public StackEnding ending(List<String> killed) {
            return new StackEnding.RequiredFailed(failure, killed);
        }
    }

    /** Nothing is left running (a stack of tasks, for example): 0. */
    record AllFinished() implements StopReason {
        @Override
        public StackEnding ending(List<String> killed) {
            return new StackEnding.AllFinished(killed);
        }
    }

    /** {@code muster run}'s command ended: its exit status. */
    record CommandEnded(String command, dev.muster.process.ExitStatus status) implements StopReason {
        @Override
        public StackEnding ending(List<String> killed) {
            return new StackEnding.CommandEnded(command, status.code(), killed);
        }
    }
}
