package dev.muster.profile;

import java.util.Map;

/**
 * Checks what {@code enabled: false} leaves behind: an enabled, required entry that depends on a
 * disabled one could never start, so it is a profile problem whose message names the three ways
 * out. An optional dependent ({@code required: false}) is allowed: it is then not started.
 */
final class DisabledDependencies {
    private DisabledDependencies() {
    }

    static void check(Map<String, ServiceSpec> services, ProblemCollector problems) {
        for (ServiceSpec service : services.values()) {
            if (!service.enabled() || !service.required()) {
                continue;
            }
            for (String dependency : service.dependsOn().keySet()) {
                ServiceSpec target = services.get(dependency);
                if (target != null && !target.enabled()) {
                    problems.add("services." + service.name() + ".depends_on", "'" + dependency + "' is disabled (its enabled: is off), so '"
                            + service.name() + "' could never start; enable " + dependency + ", give " + service.name()
                            + " the same enabled: condition, or make it optional with required: false");
                }
            }
        }
    }
}
