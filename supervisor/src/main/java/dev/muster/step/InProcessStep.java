package dev.muster.step;

import dev.muster.profile.ServiceSpec;
import java.util.function.Consumer;

/**
 * Work muster does itself, instead of launching a process, for an entry whose kind is
 * {@code schema} or {@code migrations}. It runs to completion on the entry's boot thread.
 */
@FunctionalInterface
public interface InProcessStep {

    /**
     * Runs the step.
     *
     * @param spec the entry
     * @param log  receives lines for the entry's log (console, tail, file), like a process's output
     * @return one line saying what was done, for the console and the summary
     * @throws dev.muster.MusterException with exit code 1 and a message that says what failed, what
     *         was found, and what the operator can do; the entry then fails like a task
     */
    String run(ServiceSpec spec, Consumer<String> log);

    /**
     * Asks a {@link #run} in progress for {@code spec} to end soon because muster is stopping, so
     * that the database it works on can be shut down cleanly before the platform's kill timeout.
     * Called from another thread; the run then rolls back and throws. Default: nothing (run finishes).
     */
    default void cancel(ServiceSpec spec) {
    }
}
