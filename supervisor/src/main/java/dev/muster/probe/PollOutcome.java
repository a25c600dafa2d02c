package dev.muster.probe;

import java.time.Duration;

/**
 * How a {@link Poller} ended.
 *
 * @param ending   which way
 * @param last     the last probe result that counts: outside the start period if there was one, and not
 *                 a failed attempt the deadline cut short when an earlier one exists; null if none
 * @param attempts how many attempts were made
 * @param elapsed  how long polling took
 */
public record PollOutcome(Ending ending, ProbeResult last, int attempts, Duration elapsed) {

    /** The ways polling ends. */
    public enum Ending {
        /** The probe passed (readiness). */
        PASSED,
        /** The deadline passed first (readiness). */
        TIMED_OUT,
        /** The probe said waiting cannot help (a fatal result after the start period). */
        FATAL,
        /** {@code failures} attempts in a row failed (liveness). */
        FAILING,
        /** The wake future completed first: the caller knows why (an exit, a stop, a restart request). */
        WOKEN
    }

    public boolean passed() {
        return ending == Ending.PASSED;
    }
}
