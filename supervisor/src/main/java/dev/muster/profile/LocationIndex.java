package dev.muster.profile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each YAML path of a profile was written. Jackson trees lose locations, so the reader
 * records them while it builds the tree; after merging, each path maps to the file that last
 * defined it. Paths look like {@code services.backend.ready.timeout} and {@code files[0].path};
 * the root is the empty path.
 */
final class LocationIndex {
    private final Map<String, SourceLocation> locations = new HashMap<>();
    private final Path fallbackFile;

    LocationIndex(Path fallbackFile) {
        this.fallbackFile = fallbackFile;
    }

    void put(String path, SourceLocation location) {
        locations.put(path, location);
    }

    /** The location of {@code path}, or of its nearest ancestor that was written down. */
    SourceLocation locate(String path) {
        String current = path;
        while (true) {
            SourceLocation found = locations.get(current);
            if (found != null) {
                return found;
            }
            if (current.isEmpty()) {
                return new SourceLocation(fallbackFile, 1);
            }
            current = parentOf(current);
        }
    }

    /** Replaces everything at and below {@code path} with what {@code other} records there. */
    void replaceSubtree(String path, LocationIndex other) {
        locations.keySet().removeIf(key -> isAtOrBelow(key, path));
        other.locations.forEach((key, location) -> {
            if (isAtOrBelow(key, path)) {
                locations.put(key, location);
            }
        });
    }

    /** Takes the location of {@code path} itself (not its children) from {@code other}. */
    void replaceEntry(String path, LocationIndex other) {
        SourceLocation location = other.locations.get(path);
        if (location != null) {
            locations.put(path, location);
        }
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    static String parentOf(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private static boolean isAtOrBelow(String key, String path) {
        return path.isEmpty() || key.equals(path)
                || key.startsWith(path + ".") || key.startsWith(path + "[");
    }
}
