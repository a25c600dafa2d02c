package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Binds a service's {@code ready:}: at most one probe ({@code tcp}, {@code http}, {@code exec},
 * {@code log}, {@code postgres}, {@code redis}) plus {@code timeout}, {@code interval} (exec probes
 * default to 200ms, as they fork a process per attempt; postgres probes to 100ms, as each attempt
 * starts a backend) and {@code start_period}. Without {@code ready:} a service is ready once
 * started.
 */
final class ReadyBinder {
    static final Duration EXEC_INTERVAL = Duration.ofMillis(200);
    static final Duration POSTGRES_INTERVAL = Duration.ofMillis(100);
    private static final List<String> PROBES = List.of("tcp", "http", "exec", "log", "postgres", "redis");

    private final ProblemCollector problems;
    private final ProbeBinder probes;

    ReadyBinder(ProblemCollector problems) {
        this.problems = problems;
        this.probes = new ProbeBinder(problems);
    }

    ReadySpec bind(Section service) {
        Optional<Section> maybeReady = service.section("ready");
        if (maybeReady.isEmpty()) {
            return ReadySpec.whenStarted();
        }
        Section ready = maybeReady.get();
        ProbeSpec probe = probe(ready);
        Duration defaultInterval = probe instanceof ProbeSpec.Exec ? EXEC_INTERVAL
                : probe instanceof ProbeSpec.Postgres ? POSTGRES_INTERVAL : ReadySpec.DEFAULT_INTERVAL;
        Duration timeout = ready.duration("timeout", false).orElse(ReadySpec.DEFAULT_TIMEOUT);
        Duration interval = ready.duration("interval", false).orElse(defaultInterval);
        Duration startPeriod = ready.duration("start_period", true).orElse(Duration.ZERO);
        ready.rejectUnknown();
        return new ReadySpec(probe, timeout, interval, startPeriod);
    }

    private ProbeSpec probe(Section ready) {
        List<String> present = PROBES.stream().filter(key -> ready.value(key).isPresent()).toList();
        if (present.size() > 1) {
            problems.add(ready.path(), "has " + String.join(" and ", present)
                    + " probes; keep exactly one of them");
        }
        if (present.isEmpty()) {
            return null;
        }
        String key = present.get(0);
        JsonNode value = ready.value(key).orElseThrow();
        String path = ready.pathOf(key);
        Optional<? extends ProbeSpec> probe = switch (key) {
            case "tcp" -> probes.tcp(value, path);
            case "http" -> probes.http(value, path);
            case "exec" -> probes.exec(value, path);
            case "postgres" -> probes.postgres(value, path);
            case "redis" -> probes.redis(value, path);
            default -> probes.log(value, path);
        };
        return probe.orElse(null);
    }
}
