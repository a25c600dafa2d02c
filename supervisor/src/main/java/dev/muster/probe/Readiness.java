package dev.muster.probe;

import java.time.Duration;

/**
 * How waiting for readiness ended.
 *
 * @param outcome    which way it ended
 * @param elapsed    time from the start of waiting
 * @param lastResult the last probe result, or null if none was taken
 * @param attempts   how many attempts were made
 */
public record Readiness(Outcome outcome, Duration elapsed, ProbeResult lastResult, int attempts) {

    /** The ways waiting can end. */
    public enum Outcome {
        /** The probe passed. */
        READY,
        /** The deadline passed first. */
        TIMED_OUT,
        /** The process exited first. */
        EXITED,
        /** The probe said it can never pass (a {@link ProbeResult#fatal} result, such as a wrong password). */
        FAILED,
        /** Waiting was cancelled (muster is stopping). */
        CANCELLED
    }

    public boolean isReady() {
        return outcome == Outcome.READY;
    }
}
