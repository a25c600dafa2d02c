package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * Binds a service's {@code live:} (exactly one probe of any kind, as under {@code ready:}, plus {@code period},
 * {@code timeout}, {@code failures}) and {@code restart:} ({@code policy}, {@code max},
 * {@code window}, {@code backoff: {initial, max}}; or the shorthand {@code restart: on-failure}).
 */
final class SupervisionBinder {
    private final ProblemCollector problems;
    private final ProbeBinder probes;

    SupervisionBinder(ProblemCollector problems) {
        this.problems = problems;
        this.probes = new ProbeBinder(problems);
    }

    LiveSpec live(Section service, boolean task) {
        Optional<Section> maybe = service.section("live");
        if (maybe.isEmpty()) {
            return null;
        }
        Section live = maybe.get();
        if (task) {
            problems.add(live.path(), "a task has no liveness check (it runs to completion); remove live:");
        }
        ProbeSpec probe = probes.oneOf(live, true).orElse(null);
        Duration period = live.duration("period", false).orElse(LiveSpec.DEFAULT_PERIOD);
        Duration timeout = live.duration("timeout", false).orElse(LiveSpec.DEFAULT_TIMEOUT);
        int failures = live.integer("failures", 1, 1000).orElse(LiveSpec.DEFAULT_FAILURES);
        live.rejectUnknown();
        return probe == null ? null : new LiveSpec(probe, period, timeout, failures);
    }

    RestartSpec restart(Section service, boolean task) {
        Optional<JsonNode> value = service.value("restart");
        if (value.isEmpty()) {
            return RestartSpec.never();
        }
        String path = service.pathOf("restart");
        if (task) {
            problems.add(path, "a task is not restarted (muster runs it once per boot); remove restart:");
        }
        if (value.get().isValueNode()) {
            return service.scalars().text(value.get(), path).flatMap(text -> policy(text, path))
                    .map(policy -> withPolicy(RestartSpec.never(), policy)).orElse(RestartSpec.never());
        }
        return service.section("restart").map(this::restart).orElse(RestartSpec.never());
    }

    private RestartSpec restart(Section restart) {
        RestartSpec.Policy policy = restart.text("policy").flatMap(t -> policy(t, restart.pathOf("policy")))
                .orElse(RestartSpec.Policy.ON_FAILURE);
        int max = restart.integer("max", 0, 1_000_000).orElse(RestartSpec.DEFAULT_MAX);
        Duration window = restart.duration("window", false).orElse(RestartSpec.DEFAULT_WINDOW);
        Duration initial = RestartSpec.DEFAULT_INITIAL;
        Duration ceiling = RestartSpec.DEFAULT_MAX_BACKOFF;
        Optional<Section> backoff = restart.section("backoff");
        if (backoff.isPresent()) {
            initial = backoff.get().duration("initial", true).orElse(initial);
            ceiling = backoff.get().duration("max", false).orElse(ceiling);
            backoff.get().rejectUnknown();
        }
        restart.rejectUnknown();
        if (initial.compareTo(ceiling) > 0) {
            problems.add(restart.pathOf("backoff"), "initial (" + initial.toMillis() + "ms) is longer than max ("
                    + ceiling.toMillis() + "ms); make initial the smaller one");
        }
        return new RestartSpec(policy, max, window, initial, ceiling);
    }

    private Optional<RestartSpec.Policy> policy(String text, String path) {
        for (RestartSpec.Policy policy : RestartSpec.Policy.values()) {
            if (policy.yamlName().equals(text.trim())) {
                return Optional.of(policy);
            }
        }
        problems.add(path, "\"" + text + "\" is not a restart policy; write no, on-failure or always");
        return Optional.empty();
    }

    private static RestartSpec withPolicy(RestartSpec base, RestartSpec.Policy policy) {
        return new RestartSpec(policy, base.max(), base.window(), base.initial(), base.maxBackoff());
    }
}
