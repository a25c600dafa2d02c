package dev.muster.cli;

import dev.muster.backup.DumpEstimates;
import dev.muster.platform.Platform;
import dev.muster.platform.PlatformFacts;
import dev.muster.platform.StopPlan;
import dev.muster.platform.StopSchedule;
import dev.muster.profile.Profile;
import dev.muster.supervisor.StopLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stop budget of a run: when the grace after SIGTERM is known ({@code grace:}, or a recognised
 * platform's value; plain Docker's 10 s default is only assumed, so it is not), the supervisor stops under
 * {@link StopSchedule}'s limits. No known grace, or a grace of zero (nothing to share out: the platform
 * SIGKILLs at once, which {@code check} and {@code up} already warn about), keeps every unit's own timeout.
 */
final class StopBudgetWiring {
    private StopBudgetWiring() {
    }

    static Optional<StopLimits> limits(Profile profile, Map<String, String> env) {
        PlatformFacts facts = PlatformFacts.detect(env, profile.grace());
        boolean known = profile.grace() != null || facts.platform() != Platform.DOCKER;
        if (!known || facts.grace().isZero()) {
            return Optional.empty();
        }
        String source = profile.grace() != null ? facts.graceSource()
                : facts.graceSource() + " on " + facts.platform().title();
        return Optional.of(new Limits(profile, facts.grace(), source));
    }

    /** The schedule is laid out when the stop begins, so the dump estimates include this run's dumps. */
    private static final class Limits implements StopLimits {
        private final Profile profile;
        private final Duration grace;
        private final String source;
        private StopSchedule schedule;

        Limits(Profile profile, Duration grace, String source) {
            this.profile = profile;
            this.grace = grace;
            this.source = source;
        }

        @Override
        public List<String> announcement() {
            return List.of(schedule().announcement());
        }

        @Override
        public Duration hooks(String unit, Duration sinceSignal) {
            return schedule().dumpLimit(unit, sinceSignal);
        }

        @Override
        public Duration stop(String unit, Duration own, Duration sinceSignal) {
            return schedule().stopLimit(unit, own, sinceSignal);
        }

        private synchronized StopSchedule schedule() {
            if (schedule == null) {
                schedule = StopSchedule.of(StopPlan.of(profile, DumpEstimates::expected), grace, source);
            }
            return schedule;
        }
    }
}
