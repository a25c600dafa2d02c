package dev.muster.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stopping under a budget (the platform's grace): a pure function that gives every stage of a
 * {@link StopPlan} a time so the whole plan fits. Time is cut in this order, each step only as far as
 * needed: first the applications' stop timeouts (scaled down together), then the on-stop dumps, and
 * PostgreSQL's clean shutdown last. A plan that fits keeps every full timeout.
 */
public final class StopBudget {
    /**
     * The time one stage gets.
     *
     * @param dump for its on-stop dumps
     * @param stop for its stop, before SIGKILL
     */
    public record Allotment(Duration dump, Duration stop) {
    }

    private static final int STEPS = 40;

    private StopBudget() {
    }

    /** The time of every stage so that {@code plan} ends within {@code budget}, by unit. */
    public static Map<String, Allotment> allot(StopPlan plan, Duration budget) {
        double[] factors = {1, 1, 1};
        for (int level = 0; level < factors.length; level++) {
            if (length(plan, factors).compareTo(budget) <= 0) {
                break;
            }
            factors[level] = 0;
            if (length(plan, factors).compareTo(budget) > 0) {
                continue;
            }
            double low = 0;
            double high = 1;
            for (int i = 0; i < STEPS; i++) {
                double middle = (low + high) / 2;
                factors[level] = middle;
                if (length(plan, factors).compareTo(budget) <= 0) {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            factors[level] = low;
            break;
        }
        return scaled(plan, factors);
    }

    /** factors: [applications' stops, on-stop dumps, PostgreSQL's stops]. */
    private static Map<String, Allotment> scaled(StopPlan plan, double[] factors) {
        Map<String, Allotment> allotted = new LinkedHashMap<>();
        for (StopStage stage : plan.stages().values()) {
            double stopFactor = stage.tier() == StopStage.Tier.DATABASE ? factors[2] : factors[0];
            allotted.put(stage.unit(), new Allotment(scale(stage.dump(), factors[1]), scale(stage.stop(), stopFactor)));
        }
        return allotted;
    }

    private static Duration length(StopPlan plan, double[] factors) {
        return plan.ends(scaled(plan, factors)).values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private static Duration scale(Duration duration, double factor) {
        return Duration.ofMillis((long) Math.floor(duration.toMillis() * factor));
    }
}
