package dev.muster.supervisor;

import dev.muster.process.ExitStatus;
import dev.muster.process.Signal;
import dev.muster.status.Durations;
import java.time.Duration;

/**
 * How stopping one workload went, typed until it is rendered.
 *
 * @param signal  the stop signal sent
 * @param timeout how long it was given before SIGKILL
 * @param status  how it ended; null only if it survived SIGKILL
 * @param forced  whether SIGKILL was needed
 * @param elapsed how long stopping took
 */
record StopOutcome(Signal signal, Duration timeout, ExitStatus status, boolean forced, Duration elapsed) {

    /** Whether it ended on its own after the stop signal, without SIGKILL. */
    boolean clean() {
        return !forced && status != null;
    }

    /** "ended by SIGTERM as asked (exit 143, a clean stop) in 120ms", or what SIGKILL took. */
    String describe() {
        if (forced) {
            return "did not stop within " + Durations.format(timeout) + " of " + signal.fullName()
                    + "; muster killed its process group with SIGKILL";
        }
        if (status == null) {
            return "did not exit even after SIGKILL";
        }
        String how = status.signal().filter(signal::equals).isPresent()
                ? "ended by " + signal.fullName() + " as asked (exit " + status.code() + ", a clean stop)"
                : status.describe();
        return how + " in " + Durations.format(elapsed);
    }
}
