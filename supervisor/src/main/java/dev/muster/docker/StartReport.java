package dev.muster.docker;

import java.util.List;

/**
 * One start of the container under {@code muster reproduce}.
 *
 * @param number      1 for the first boot, then one per restart
 * @param bootTime    from {@code docker start} to {@code /health} 200, formatted ("4.21s"), or "-"
 * @param healthy     whether {@code /health} answered 200 in time
 * @param postgres    what PostgreSQL's log said about the previous shutdown
 * @param data        the data probe's verdict
 * @param probeOutput what the data probe printed (trimmed); null without a probe or when it failed
 * @param failures    every failed check, one line each; empty when the start passed
 */
record StartReport(int number, String bootTime, boolean healthy, String postgres, String data, String probeOutput,
                   List<String> failures) {
    StartReport {
        failures = List.copyOf(failures);
    }

    boolean passed() {
        return failures.isEmpty();
    }
}
