package dev.muster.supervisor;

import java.time.Duration;
import java.util.List;

/**
 * The time each unit gets when muster stops because of a signal and the platform gives a known grace
 * (see {@code StopBudget}): every limit is measured from the moment the signal arrived, so time a fast
 * unit did not use is left to those after it, and none ever exceeds its own timeout. Without limits, each
 * unit keeps its own stop timeout and each stop hook its own.
 */
public interface StopLimits {
    /** What the budget cuts, said once when the stop begins; empty to say nothing. */
    List<String> announcement();

    /**
     * How long the hooks before {@code unit}'s stop (its on-stop dumps) may still take, {@code sinceSignal}
     * after the signal; never negative.
     */
    Duration hooks(String unit, Duration sinceSignal);

    /** The stop timeout of {@code unit}, whose own is {@code own}, {@code sinceSignal} after the signal. */
    Duration stop(String unit, Duration own, Duration sinceSignal);
}
