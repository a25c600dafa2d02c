package dev.muster.docker;

import dev.muster.probe.PollOutcome;
import dev.muster.probe.PollSettings;
import dev.muster.probe.Poller;
import dev.muster.probe.Probe;
import dev.muster.probe.Probes;
import dev.muster.process.Sleeper;
import dev.muster.profile.ProbeSpec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Waits for a booting container's {@code /health} to answer 200: the same http probe and poller
 * that decide a service's readiness, one attempt every {@link #INTERVAL}, until the deadline, or
 * at once when the container ends first.
 */
final class BootCheck {
    static final Duration INTERVAL = Duration.ofMillis(200);

    /**
     * @param healthy whether /health answered 200
     * @param detail  the last answer or error, for the report
     */
    record Outcome(boolean healthy, String detail) {
    }

    Outcome await(String url, Duration timeout, CompletableFuture<?> ended) {
        ProbeSpec.Http health = new ProbeSpec.Http(URI.create(url), 200, null);
        try (Probe probe = new Probes(null).create(health, null, null)) {
            PollSettings settings = new PollSettings(Duration.ZERO, INTERVAL, timeout, PollSettings.MAX_READY_ATTEMPT, 1);
            PollOutcome readiness = new Poller(Clock.systemUTC(), Sleeper.system())
                    .untilPasses(probe, settings, ended, result -> { });
            String last = readiness.last() == null ? "no answer yet" : readiness.last().detail();
            return switch (readiness.ending()) {
                case PASSED -> new Outcome(true, "HTTP 200");
                case WOKEN -> new Outcome(false, "the container ended before /health answered 200 ("
                        + ended.handle((status, e) -> e == null ? String.valueOf(status) : "its wait failed: " + e).join() + ")");
                default -> new Outcome(false, "/health did not answer 200 within " + timeout.toSeconds()
                        + "s; last: " + last);
            };
        }
    }
}
