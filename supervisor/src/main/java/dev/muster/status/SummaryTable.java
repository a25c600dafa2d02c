package dev.muster.status;

import java.util.ArrayList;
import java.util.List;

/** The boot summary: one row per service with kind, state, pid, time to ready, address and restarts. */
public final class SummaryTable {
    private static final String[] HEADERS = {"SERVICE", "KIND", "STATE", "PID", "READY IN", "ADDRESS", "RESTARTS"};

    /** The table's lines, header first, columns padded to their widest cell. */
    public List<String> render(List<ServiceStatus> services) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (ServiceStatus s : services) {
            rows.add(new String[] {
                s.name(), s.kind().name().toLowerCase(java.util.Locale.ROOT), s.stateLabel(),
                s.pid() == 0 ? "-" : String.valueOf(s.pid()), Durations.format(s.timeToReady()),
                s.address(), String.valueOf(s.restarts()),
            });
        }
        int[] widths = new int[HEADERS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
