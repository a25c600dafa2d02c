package dev.muster.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One unit's turn in the worst-case shutdown: it starts when every unit in {@code after} has stopped,
 * runs its on-stop dumps (if any), then stops within its stop timeout.
 *
 * @param unit  the service's name
 * @param tier  what it is, which decides the order in which a tight budget cuts its time
 * @param after the units that must have stopped first (its dependents)
 * @param dump  the expected time of the on-stop dumps run before it stops; zero for none
 * @param stop  the longest its stop may take (the stop timeout; zero for a muster-run step)
 */
public record StopStage(String unit, Tier tier, Set<String> after, Duration dump, Duration stop) {
    /** The order in which time is cut under a budget: applications first, PostgreSQL last. */
    public enum Tier { APPLICATION, DATABASE }

    public StopStage {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(tier, "tier");
        after = Set.copyOf(after);
        Objects.requireNonNull(dump, "dump");
        Objects.requireNonNull(stop, "stop");
    }
}
