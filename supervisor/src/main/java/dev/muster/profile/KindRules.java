package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The keys that depend on an entry's kind, beyond what each binder checks: {@code enabled:} (any
 * kind), {@code timeout:} (tasks only), a task's missing place for {@code ready:}, and what an
 * {@code external} entry may not have (it is not started, only waited for with its ready probe).
 */
final class KindRules {
    /** The keys of a launched process that an external service has no use for. */
    static final List<String> EXTERNAL_REJECTS =
            List.of("command", "shell", "cwd", "user", "stop", "restart", "live", "log", "creates", "image");
    private static final List<String> ON = List.of("true", "1", "yes");
    private static final List<String> OFF = List.of("false", "0", "no", "");

    private final ProblemCollector problems;

    KindRules(ProblemCollector problems) {
        this.problems = problems;
    }

    /** {@code enabled:} after interpolation: false/0/no/"" is off, true/1/yes on (any case); default on. */
    boolean enabled(Section entry) {
        Optional<JsonNode> value = entry.value("enabled");
        if (value.isEmpty()) {
            return true;
        }
        String text = value.get().isValueNode() ? value.get().asText().strip().toLowerCase(Locale.ROOT) : "?";
        if (ON.contains(text)) {
            return true;
        }
        if (!OFF.contains(text)) {
            entry.problem("enabled", Scalars.show(value.get()) + " is not on or off; write true, 1 or yes to run this"
                    + " entry, false, 0, no or \"\" to leave it out, e.g. enabled: ${ENABLE_FLOWER:-false}");
        }
        return false;
    }

    /** A task's {@code timeout:} (its deadline); a problem on any other kind. Null when absent. */
    Duration timeout(Section entry, Kind kind) {
        Optional<Duration> timeout = entry.duration("timeout", false);
        if (timeout.isPresent() && kind != Kind.TASK) {
            entry.problem("timeout", "only a task has a timeout (its deadline); for a service's startup deadline write"
                    + " ready: { timeout: " + timeout.get().toSeconds() + "s }, or remove timeout:");
            return null;
        }
        return timeout.orElse(null);
    }

    /** A task is not ready, it completes: {@code ready:} on a task is a problem. */
    void rejectTaskReady(Section entry, Kind kind) {
        if (kind == Kind.TASK && entry.value("ready").isPresent()) {
            entry.problem("ready", "a task has no readiness check (it runs to completion and its dependents wait"
                    + " for that); remove ready:, and use timeout: 10m for a deadline");
        }
    }

    /** What an external entry may not have, and the ready probe it must have. */
    void checkExternal(Section entry, Kind kind, ReadySpec ready) {
        if (kind != Kind.EXTERNAL) {
            return;
        }
        for (String key : EXTERNAL_REJECTS) {
            if (entry.value(key).isPresent()) {
                entry.problem(key, "a kind: external service is not started by muster, only waited for; remove "
                        + key + ":, or make it kind: service");
            }
        }
        if (!ready.hasProbe()) {
            problems.add(entry.path(), entry.pathOf("ready"), "missing; a kind: external service is waited for with"
                    + " its ready probe: add ready: { tcp: { host: db.internal, port: 5432 } } or"
                    + " ready: { redis: { url: \"${REDIS_URL}\" } }");
        }
    }
}
