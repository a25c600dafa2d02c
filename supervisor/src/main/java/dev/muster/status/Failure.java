package dev.muster.status;

import java.util.List;
import java.util.Objects;

/**
 * Why a service failed: its name and the typed {@link Cause}, which renders the words.
 *
 * @param service the service's name
 * @param cause   what happened
 */
public record Failure(String service, Cause cause) {
    public Failure {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(cause, "cause");
    }

    /** What happened: "exited with code 3 before it was ready (ran 840ms)". */
    public String reason() {
        return cause.reason();
    }

    /** What to do next; empty when the reason already says it. */
    public String fix() {
        return cause.fix();
    }

    /** One line per earlier run, for a crash loop: "12:00:01.120Z  exited with code 1 after 120ms". */
    public List<String> history() {
        return cause.history();
    }

    /** The one line that says what failed, why, and what to do. */
    public String headline() {
        String first = service + " failed: " + reason();
        String fix = fix();
        if (fix.isEmpty()) {
            return first.endsWith(".") ? first : first + ".";
        }
        return first + ". " + Character.toUpperCase(fix.charAt(0)) + fix.substring(1) + ".";
    }
}
