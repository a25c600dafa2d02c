package dev.muster.platform;

import dev.muster.status.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link StopPlan} laid out against a grace: when, counted from SIGTERM, each unit's on-stop dumps must
 * have ended and its stop must have ended, so that every unit after it still gets its
 * {@link StopBudget#allot allotment} before the grace runs out. Deadlines rather than durations: time an
 * early stage did not use goes to the stages after it. Pure; the supervisor asks it during the stop.
 *
 * @param plan      the worst-case stop plan
 * @param grace     the time between SIGTERM and SIGKILL
 * @param source    where the grace comes from, for the announcement ("grace: in the profile", ...)
 * @param allotted  each unit's share, from {@link StopBudget#allot}
 */
public record StopSchedule(StopPlan plan, Duration grace, String source, Map<String, StopBudget.Allotment> allotted) {
    public StopSchedule {
        allotted = Map.copyOf(allotted);
    }

    public static StopSchedule of(StopPlan plan, Duration grace, String source) {
        return new StopSchedule(plan, grace, source, StopBudget.allot(plan, grace));
    }

    /** How long {@code unit}'s on-stop dumps may still take, {@code sinceSignal} after SIGTERM; at least zero. */
    public Duration dumpLimit(String unit, Duration sinceSignal) {
        Duration end = grace.minus(fromStop(unit, new HashMap<>()));
        return positive(end.minus(sinceSignal));
    }

    /** The stop timeout of {@code unit}, at most {@code own}, {@code sinceSignal} after SIGTERM; at least zero. */
    public Duration stopLimit(String unit, Duration own, Duration sinceSignal) {
        Duration end = grace.minus(afterStop(unit, new HashMap<>()));
        Duration left = positive(end.minus(sinceSignal));
        return left.compareTo(own) < 0 ? left : own;
    }

    /** One line, said when the stop begins: the grace, and what it cuts. */
    public String announcement() {
        List<String> parts = new ArrayList<>();
        boolean cut = false;
        for (StopStage stage : plan.stages().values()) {
            StopBudget.Allotment time = allotted.get(stage.unit());
            if (!stage.dump().isZero()) {
                cut |= time.dump().compareTo(stage.dump()) < 0;
                parts.add("the on-stop dump before " + stage.unit() + " " + shares(time.dump(), stage.dump()));
            }
            if (!stage.stop().isZero()) {
                cut |= time.stop().compareTo(stage.stop()) < 0;
                parts.add(stage.unit() + " " + shares(time.stop(), stage.stop()));
            }
        }
        String head = "stopping under a " + seconds(grace) + " grace (" + source + ")";
        if (!cut) {
            return head + ": the stop plan (" + seconds(plan.total()) + ") fits; every unit keeps its own stop timeout";
        }
        return head + ", the stop plan needs " + seconds(plan.total()) + ": " + String.join("; ", parts);
    }

    private static String shares(Duration given, Duration own) {
        return given.compareTo(own) < 0 ? "gets " + seconds(given) + " instead of " + seconds(own) : seconds(own);
    }

    /** The time from the start of {@code unit}'s stop until every unit after it has stopped. */
    private Duration fromStop(String unit, Map<String, Duration> memo) {
        Duration known = memo.get(unit);
        if (known != null) {
            return known;
        }
        Duration total = allotted.get(unit).stop().plus(afterStop(unit, memo));
        memo.put(unit, total);
        return total;
    }

    /** The time from the end of {@code unit}'s stop until every unit that waits for it has stopped. */
    private Duration afterStop(String unit, Map<String, Duration> memo) {
        Duration longest = Duration.ZERO;
        for (StopStage next : plan.stages().values()) {
            if (next.after().contains(unit)) {
                Duration chain = allotted.get(next.unit()).dump().plus(fromStop(next.unit(), memo));
                longest = chain.compareTo(longest) > 0 ? chain : longest;
            }
        }
        return longest;
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : Durations.format(duration);
    }
}
