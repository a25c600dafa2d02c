package dev.muster.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What an export could not carry over exactly. Every mapping that loses something adds one line
 * here ("service: what was lost; what to do"); the command prints them all, never drops them.
 */
public final class ExportWarnings {
    private final LinkedHashSet<String> lines = new LinkedHashSet<>();

    public void add(String subject, String message) {
        lines.add(subject + ": " + message);
    }

    public List<String> lines() {
        return new ArrayList<>(lines);
    }
}
