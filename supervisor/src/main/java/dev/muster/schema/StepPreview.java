package dev.muster.schema;

import java.time.Duration;
import java.util.List;

/**
 * What a database step would do, for {@code muster check}, which changes nothing.
 *
 * @param lines    what it found and would do, warnings included
 * @param blocking whether the step cannot work as configured (a missing or unusable file or directory)
 */
public record StepPreview(List<String> lines, boolean blocking) {
    /** How long a preview may spend connecting: the database may not be up during a check. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    public StepPreview {
        lines = List.copyOf(lines);
    }
}
