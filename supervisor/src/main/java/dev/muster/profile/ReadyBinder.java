package dev.muster.profile;

import java.time.Duration;
import java.util.Optional;

/**
 * Binds a service's {@code ready:}: at most one probe ({@code tcp}, {@code http}, {@code exec},
 * {@code log}, {@code postgres}, {@code redis}) plus {@code timeout}, {@code interval} (exec probes
 * default to 200ms, as they fork a process per attempt; postgres probes to 100ms, as each attempt
 * starts a backend) and {@code start_period}. Without {@code ready:} a service is ready once
 * started.
 */
final class ReadyBinder {

    private final ProbeBinder probes;

    ReadyBinder(ProblemCollector problems) {
        this.probes = new ProbeBinder(problems);
    }

    ReadySpec bind(Section service) {
        Optional<Section> maybeReady = service.section("ready");
        if (maybeReady.isEmpty()) {
            return ReadySpec.whenStarted();
        }
        Section ready = maybeReady.get();
        ProbeSpec probe = probes.oneOf(ready, false).orElse(null);
        Duration defaultInterval = probe == null ? ReadySpec.DEFAULT_INTERVAL : probe.defaultInterval();
        Duration timeout = ready.duration("timeout", false).orElse(ReadySpec.DEFAULT_TIMEOUT);
        Duration interval = ready.duration("interval", false).orElse(defaultInterval);
        Duration startPeriod = ready.duration("start_period", true).orElse(Duration.ZERO);
        ready.rejectUnknown();
        return new ReadySpec(probe, timeout, interval, startPeriod);
    }
}
