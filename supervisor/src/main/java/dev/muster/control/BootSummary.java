package dev.muster.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What anyone may see of the stack while it is not serving the app (the boot page, its
 * {@code /_muster/boot} feed, the failure page): each service's state, what it waits for and for how
 * long, and after a required failure which service failed and why, in one line. No logs, no
 * environment, no addresses: those need the token.
 *
 * @param stack     the profile's name
 * @param status    ready, booting, restarting, failing, failed, stopping or stopped
 * @param elapsedMs since the boot began
 * @param services  every service, in declaration order
 * @param failure   the required service that failed, null while none has
 */
record BootSummary(String stack, String status, long elapsedMs, List<Entry> services, Failure failure) {
    /** Longest reason shown on a public page. */
    static final int REASON_CHARS = 300;

    /**
     * One service.
     *
     * @param name       its name
     * @param state      its state label (waiting, starting, ready, ...)
     * @param ready      whether the stack counts it as up
     * @param waitingFor the services it depends on that are not up yet
     * @param elapsedMs  time in its current state, or launch-to-ready once ready
     * @param detail     its latest probe result or reason, one line
     */
    record Entry(String name, String state, boolean ready, List<String> waitingFor, long elapsedMs, String detail) {
    }

    /**
     * @param service the failed required service
     * @param reason  why, one line
     */
    record Failure(String service, String reason) {
    }

    static BootSummary of(StatusDocument document, Health health, Instant now) {
        Map<String, ServiceReport> byName = document.services().stream()
                .collect(Collectors.toMap(ServiceReport::name, Function.identity()));
        List<Entry> entries = document.services().stream().map(s -> new Entry(s.name(), s.label(), s.ready(),
                s.dependsOn().stream().filter(d -> byName.containsKey(d) && !byName.get(d).ready()).toList(),
                s.ready() && s.timeToReadyMs() != null ? s.timeToReadyMs() : since(s.since(), now), oneLine(s.detail())))
                .toList();
        Failure failure = document.services().stream().filter(s -> s.required() && s.state().equals("FAILED"))
                .findFirst().map(s -> new Failure(s.name(), oneLine(s.detail()))).orElse(null);
        if (failure == null && document.ended() != null && document.ended().exitCode() == dev.muster.ExitCodes.SERVICE_FAILED) {
            failure = new Failure("", oneLine(document.ended().how()));
        }
        long elapsed = document.phase("preflight").or(() -> document.phase("boot"))
                .map(at -> Duration.between(at, now).toMillis()).orElse(0L);
        String status = failure != null ? "failed" : document.ended() != null ? "stopped" : health.status();
        return new BootSummary(document.stack(), status, elapsed, entries, failure);
    }

    private static long since(String instant, Instant now) {
        return instant == null ? 0 : Math.max(0, Duration.between(Instant.parse(instant), now).toMillis());
    }

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > REASON_CHARS ? line.substring(0, REASON_CHARS) + "..." : line;
    }
}
