package dev.muster.preflight;

import dev.muster.process.UserId;
import dev.muster.profile.ServiceSpec;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service ready to launch: its program resolved to a file, its environment and account worked out.
 *
 * @param spec the service as the profile declares it
 * @param argv the argument list with the program replaced by the file it resolves to
 * @param env  the profile's env overlaid by the service's, added to muster's own environment
 * @param cwd  the absolute working directory
 * @param user the account to run as, or null for muster's own
 * @param probeArgv the {@code exec} ready probe's argument list, resolved like {@code argv}; empty for other probes
 * @param liveArgv  the same for the {@code exec} liveness probe
 */
public record ResolvedService(ServiceSpec spec, List<String> argv, Map<String, String> env, Path cwd, UserId user,
                              List<String> probeArgv, List<String> liveArgv) {
    public ResolvedService {
        Objects.requireNonNull(spec, "spec");
        argv = List.copyOf(argv);
        probeArgv = List.copyOf(probeArgv);
        liveArgv = List.copyOf(liveArgv);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        Objects.requireNonNull(cwd, "cwd");
    }

    /** The resolved command of an exec probe of this service (its ready or its live probe). */
    public List<String> argvOf(dev.muster.profile.ProbeSpec.Exec probe) {
        return spec.live() != null && probe == spec.live().probe() ? liveArgv : probeArgv;
    }

    public String name() {
        return spec.name();
    }
}
