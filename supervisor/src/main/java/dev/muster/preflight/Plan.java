package dev.muster.preflight;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What preflight established: every service resolved, and the helper programs muster needs.
 *
 * @param services resolved services by name, in declaration order
 * @param setsid   util-linux setsid
 * @param setpriv  util-linux setpriv, or null when no service runs as another user
 */
public record Plan(Map<String, ResolvedService> services, Path setsid, Path setpriv) {
    public Plan {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        Objects.requireNonNull(setsid, "setsid");
    }
}
