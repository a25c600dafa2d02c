package dev.muster.profile;

import dev.muster.graph.DependencyGraph;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated, merged and interpolated profile: everything {@code muster up} needs to prepare
 * and supervise one stack. Maps keep the order in which the profile declares their keys.
 *
 * @param name        the stack's name ({@code name:}, default: the file name without extension)
 * @param sources     the files this profile was read from, the last one winning
 * @param env         variables shared by every service, already interpolated
 * @param secrets     generated secrets by variable name
 * @param directories directories created before any service starts
 * @param files       files rendered before any service starts
 * @param preflight   checks made before anything is changed
 * @param services    services and tasks by name, in declaration order
 * @param control     the control plane settings
 * @param hosts       {@code hosts:}: where a service runs when it is an external dependency of
 *                    {@code up --only} (service name to host name); absent services default to their own name
 * @param lock        {@code lock:}, the lock held for the whole run, if the profile names one
 * @param backups     PostgreSQL dumps by name ({@code backups:}), in declaration order
 * @param grace       the seconds the platform gives between SIGTERM and SIGKILL ({@code grace:}); null when
 *                    not set, then muster uses what it knows of the platform
 */
public record Profile(
        String name,
        List<Path> sources,
        Map<String, String> env,
        Map<String, SecretSpec> secrets,
        List<DirectorySpec> directories,
        List<FileSpec> files,
        PreflightSpec preflight,
        Map<String, ServiceSpec> services,
        ControlSpec control,
        Map<String, String> hosts,
        Optional<LockSpec> lock,
        Map<String, BackupSpec> backups,
        java.time.Duration grace) {

    public Profile {
        Objects.requireNonNull(name, "name");
        sources = List.copyOf(sources);
        env = ordered(env);
        secrets = ordered(secrets);
        directories = List.copyOf(directories);
        files = List.copyOf(files);
        Objects.requireNonNull(preflight, "preflight");
        services = ordered(services);
        Objects.requireNonNull(control, "control");
        hosts = ordered(hosts);
        Objects.requireNonNull(lock, "lock");
        backups = ordered(backups);
    }

    /** A profile without {@code hosts:} or {@code lock:}. */
    public Profile(String name, List<Path> sources, Map<String, String> env, Map<String, SecretSpec> secrets,
                   List<DirectorySpec> directories, List<FileSpec> files, PreflightSpec preflight,
                   Map<String, ServiceSpec> services, ControlSpec control) {
        this(name, sources, env, secrets, directories, files, preflight, services, control, Map.of(), Optional.empty(), Map.of(), null);
    }

    /** This profile with other services (a slice of them, or some made external). */
    public Profile withServices(Map<String, ServiceSpec> replaced) {
        return new Profile(name, sources, env, secrets, directories, files, preflight, replaced, control, hosts, lock,
                backups, grace);
    }

    /** The profile file named first on the command line. */
    public Path source() {
        return sources.get(0);
    }

    static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Every service's name, in declaration order, to the names in its {@code depends_on}: the dependency graph's input. */
    public Map<String, java.util.Set<String>> dependencyEdges() {
        Map<String, java.util.Set<String>> edges = new java.util.LinkedHashMap<>();
        services.forEach((name, spec) -> edges.put(name, spec.dependsOn().keySet()));
        return edges;
    }

    /**
     * The dependency graph of these services, derived from their {@code depends_on} each time it is
     * asked (so a slice made with {@link #withServices} has its own). The loader checks it for cycles,
     * {@code check} prints its start order, the supervisor boots and stops in its order.
     */
    public DependencyGraph graph() {
        return DependencyGraph.of(dependencyEdges());
    }
}
