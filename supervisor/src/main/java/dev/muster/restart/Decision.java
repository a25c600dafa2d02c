package dev.muster.restart;

import java.time.Duration;
import java.util.List;

/**
 * What to do after a run ended.
 *
 * @param restart  whether to start the service again
 * @param delay    how long to wait first (zero when not restarting)
 * @param why      why not, when not restarting: "restart policy is no", "crash loop: 5 restarts within 5m"
 * @param history  the runs that ended so far, oldest first (for crash-loop reports)
 */
public record Decision(boolean restart, Duration delay, String why, List<Attempt> history) {
    public Decision {
        history = List.copyOf(history);
    }

    /** Whether giving up is because the restarts ran out (a crash loop), not because of the policy. */
    public boolean crashLoop() {
        return !restart && why.startsWith("crash loop");
    }
}
