package dev.muster.export;

import dev.muster.profile.Profile;
import java.time.Duration;

/**
 * How long a container needs between its stop signal and a kill: muster stops the group's
 * services one after another in reverse order, each within its own stop timeout, so the
 * engine must wait for their sum plus a margin for muster itself.
 */
public final class StopPlan {
    /** muster's own work after the last service stopped: the report, the boot record. */
    public static final Duration MARGIN = Duration.ofSeconds(5);

    private StopPlan() {
    }

    public static Duration grace(Profile profile, Group group) {
        Duration total = MARGIN;
        for (String member : group.members()) {
            var spec = profile.services().get(member);
            if (!spec.isTask()) {
                total = total.plus(spec.stop().timeout());
            }
        }
        return total;
    }
}
