package dev.muster.status;

import java.util.List;
import java.util.Objects;

/**
 * Why a service failed, in an operator's words.
 *
 * @param service the service's name
 * @param reason  what happened: "exited with code 3 before it was ready (ran 840ms)"
 * @param fix     what to do next: "fix the cause shown in its log below, then start the stack again";
 *                empty when {@code reason} already says it
 * @param history one line per earlier run, for a crash loop: "12:00:01 exited with code 1 after 120ms"
 */
public record Failure(String service, String reason, String fix, List<String> history) {
    public Failure {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fix, "fix");
        history = List.copyOf(history);
    }

    public Failure(String service, String reason, String fix) {
        this(service, reason, fix, List.of());
    }

    /** The one line that says what failed, why, and what to do. */
    public String headline() {
        String first = service + " failed: " + reason;
        if (fix.isEmpty()) {
            return first.endsWith(".") ? first : first + ".";
        }
        return first + ". " + Character.toUpperCase(fix.charAt(0)) + fix.substring(1) + ".";
    }
}
