package dev.muster.profile;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gathers every problem found in a profile, so that one run of {@code muster check} lists them
 * all, then turns them into one {@link MusterException} with exit code 2.
 */
final class ProblemCollector {
    private final Set<Problem> problems = new LinkedHashSet<>();
    private final LocationIndex locations;

    ProblemCollector(LocationIndex locations) {
        this.locations = locations;
    }

    /** Reports a problem at {@code path}, located where that path (or its parent) was written. */
    void add(String path, String message) {
        add(locations.locate(path), path, message);
    }

    /** Reports a problem shown as {@code displayPath} but located where {@code locatePath} was written. */
    void add(String locatePath, String displayPath, String message) {
        add(locations.locate(locatePath), displayPath, message);
    }

    void add(SourceLocation location, String path, String message) {
        problems.add(new Problem(location, path, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((Problem p) -> p.location().file().toString())
                .thenComparingInt(p -> p.location().line()));
        return sorted;
    }

    /** Throws the exception listing every problem, if there is any. */
    void throwIfAny(String profileName) {
        if (problems.isEmpty()) {
            return;
        }
        int count = problems.size();
        String lines = problems().stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
        throw new MusterException(ExitCodes.INVALID_PROFILE, "profile " + profileName + " is invalid ("
                + count + (count == 1 ? " problem" : " problems") + "):\n" + lines);
    }
}
