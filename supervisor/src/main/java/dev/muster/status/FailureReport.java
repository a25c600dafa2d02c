package dev.muster.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The report printed when a service fails: the headline, who was waiting on it, and its last log lines.
 */
public final class FailureReport {

    /**
     * @param failure    what failed and why
     * @param required   whether the failure stops the stack
     * @param waiting    the services that depend on it, directly or not, and had not started
     * @param tail       its last log lines, oldest first
     * @param totalLines how many lines it wrote in all
     */
    public List<String> render(Failure failure, boolean required, Collection<String> waiting,
                               List<String> tail, long totalLines) {
        List<String> lines = new ArrayList<>();
        lines.add((required ? "FAILED " : "DEGRADED ") + failure.headline());
        if (!failure.history().isEmpty()) {
            lines.add("  its runs:");
            failure.history().forEach(run -> lines.add("    " + run));
        }
        if (!waiting.isEmpty()) {
            lines.add("  waiting on it: " + String.join(", ", waiting));
        }
        if (tail.isEmpty()) {
            lines.add("  " + failure.service() + " wrote no output.");
        } else {
            lines.add("  last " + tail.size() + " of " + totalLines + " log lines of " + failure.service() + ":");
            for (String line : tail) {
                lines.add("  > " + line);
            }
        }
        if (!required) {
            lines.add("  " + failure.service() + " is optional (required: false): the stack goes on without it.");
        }
        return lines;
    }
}
