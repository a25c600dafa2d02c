package dev.muster.slice;

import dev.muster.profile.Profile;
import java.util.Locale;
import java.util.Map;

/**
 * Where an external dependency runs: {@code MUSTER_HOST_<NAME>} from muster's environment (the
 * name upper-cased, {@code -} and {@code .} as {@code _}), else the profile's {@code hosts:}
 * entry, else the service's own name, which is its host name in a Compose network or a
 * Kubernetes namespace.
 */
public final class ExternalHosts {
    private final Map<String, String> environment;
    private final Map<String, String> hosts;

    public ExternalHosts(Profile profile, Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.hosts = profile.hosts();
    }

    /** The environment variable that overrides the host of {@code service}: {@code MUSTER_HOST_POSTGRES_INIT}. */
    public static String variable(String service) {
        return "MUSTER_HOST_" + service.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    public String hostOf(String service) {
        String fromEnv = environment.get(variable(service));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        return hosts.getOrDefault(service, service);
    }
}
