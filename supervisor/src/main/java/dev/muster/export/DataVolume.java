package dev.muster.export;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A directory of the profile kept in a named volume (Compose) or a PersistentVolumeClaim
 * (Kubernetes), mounted into the groups whose services name a path inside it.
 *
 * @param name   a DNS-1123 label derived from the path: {@code /data/pg} is {@code data-pg}
 * @param path   the directory, as the profile declares it
 * @param groups the groups that mount it
 */
public record DataVolume(String name, Path path, Set<String> groups) {
    public DataVolume {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        groups = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(groups));
    }
}
