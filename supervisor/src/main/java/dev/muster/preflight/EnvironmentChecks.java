package dev.muster.preflight;

import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Required variables are set and non-empty; in production, no database URL points at this machine
 * (the incident where production silently used a {@code localhost} DATABASE_URL default).
 */
final class EnvironmentChecks {
    private static final Set<String> DATABASE_SCHEMES =
            Set.of("postgres", "postgresql", "mysql", "mariadb", "redis", "rediss", "mongodb", "amqp");
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0");

    private final Map<String, String> environment;
    private final Profile profile;

    EnvironmentChecks(Map<String, String> environment, Profile profile) {
        this.environment = environment;
        this.profile = profile;
    }

    void check(List<String> problems) {
        Map<String, String> visible = new LinkedHashMap<>(environment);
        visible.putAll(profile.env());
        for (String name : profile.preflight().env()) {
            String value = visible.get(name);
            if (value == null || value.isBlank()) {
                problems.add("preflight.env: " + name + " is " + (value == null ? "not set" : "empty")
                        + "; set it in the container's environment (docker run -e " + name + "=..., or the platform's settings)");
            }
        }
        if (profile.preflight().isProduction()) {
            checkProduction("env", profile.env(), problems);
            for (ServiceSpec service : profile.services().values()) {
                checkProduction("services." + service.name() + ".env", service.env(), problems);
            }
        }
    }

    private void checkProduction(String key, Map<String, String> env, List<String> problems) {
        env.forEach((name, value) -> {
            String host = localDatabaseHost(value);
            if (host != null) {
                problems.add(key + "." + name + ": points at " + host + " but preflight.production is set (\""
                        + profile.preflight().production() + "\"); set " + name + " to the platform's database URL");
            }
        });
    }

    private static String localDatabaseHost(String value) {
        try {
            URI uri = URI.create(value.trim());
            if (uri.getScheme() == null || !DATABASE_SCHEMES.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))) {
                return null;
            }
            String host = uri.getHost();
            return host == null || LOCAL_HOSTS.contains(host) ? (host == null ? "no host (localhost)" : host) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
