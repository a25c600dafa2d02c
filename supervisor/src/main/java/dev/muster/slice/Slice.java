package dev.muster.slice;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.profile.Condition;
import dev.muster.profile.Kind;
import dev.muster.profile.Profile;
import dev.muster.profile.ProbeSpec;
import dev.muster.profile.ReadySpec;
import dev.muster.profile.RestartSpec;
import dev.muster.profile.ServiceSpec;
import dev.muster.profile.StopSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a profile that one container runs ({@code muster up --only NAME[,NAME]}): the named
 * services keep everything; each service they depend on that is not named becomes
 * {@link Kind#EXTERNAL}, waited for with its own ready probe aimed at its host (see
 * {@link ExternalHosts}); tasks they depend on are left to the engine that runs them (a task has
 * no probe another container could ask); every other service is dropped. Directories, files,
 * secrets, env, preflight and control stay as they are.
 *
 * @param profile   the sliced profile
 * @param only      the named services, in the profile's order
 * @param externals each external dependency's name and the host it is probed at
 * @param unwaited  tasks outside the slice that a named service depended on and no longer waits for
 */
public record Slice(Profile profile, List<String> only, Map<String, String> externals, List<String> unwaited) {
    public Slice {
        only = List.copyOf(only);
        externals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(externals));
        unwaited = List.copyOf(unwaited);
    }

    /** Slices {@code profile} to {@code names}; an unknown name or an unprobeable dependency is exit 2. */
    public static Slice of(Profile profile, Collection<String> names, Map<String, String> environment) {
        Set<String> wanted = new LinkedHashSet<>();
        names.stream().map(String::strip).filter(n -> !n.isEmpty()).forEach(wanted::add);
        List<String> unknown = wanted.stream().filter(n -> !profile.services().containsKey(n)).toList();
        if (wanted.isEmpty() || !unknown.isEmpty()) {
            throw new MusterException(ExitCodes.INVALID_PROFILE, "--only: " + (wanted.isEmpty() ? "no service named"
                    : "no service " + String.join(", ", unknown) + " in " + profile.source()) + "; name one or more of: "
                    + String.join(", ", profile.services().keySet()));
        }
        ExternalHosts hosts = new ExternalHosts(profile, environment);
        Map<String, ServiceSpec> kept = new LinkedHashMap<>();
        Map<String, ServiceSpec> externals = new LinkedHashMap<>();
        Map<String, String> externalHosts = new LinkedHashMap<>();
        Set<String> unwaited = new LinkedHashSet<>();
        for (ServiceSpec spec : profile.services().values()) {
            if (!wanted.contains(spec.name())) {
                continue;
            }
            Map<String, Condition> dependsOn = new LinkedHashMap<>();
            for (Map.Entry<String, Condition> dependency : spec.dependsOn().entrySet()) {
                String name = dependency.getKey();
                ServiceSpec target = profile.services().get(name);
                if (wanted.contains(name)) {
                    dependsOn.put(name, dependency.getValue());
                } else if (target.kind().runsToCompletion() && target.kind() != Kind.EXTERNAL) {
                    unwaited.add(name);
                } else {
                    String host = hosts.hostOf(name);
                    externals.computeIfAbsent(name, n -> external(target, host, spec.name()));
                    externalHosts.put(name, host);
                    dependsOn.put(name, dependency.getValue());
                }
            }
            kept.put(spec.name(), StepDatabases.aimed(withDependencies(spec, dependsOn), externals));
        }
        Map<String, ServiceSpec> services = new LinkedHashMap<>();
        for (String name : profile.services().keySet()) {
            if (kept.containsKey(name)) {
                services.put(name, kept.get(name));
            } else if (externals.containsKey(name)) {
                services.put(name, externals.get(name));
            }
        }
        Profile sliced = profile.withServices(services);
        return new Slice(sliced, List.copyOf(kept.keySet()), externalHosts, List.copyOf(unwaited));
    }

    /** "only backend; external: postgres at postgres:5432; not waited for: the task migrate". */
    public String describe() {
        StringBuilder line = new StringBuilder("only " + String.join(", ", only));
        if (!externals.isEmpty()) {
            List<String> parts = new ArrayList<>();
            externals.keySet().forEach(name -> parts.add(name + " (" + profile.services().get(name).ready().probe().describe() + ")"));
            line.append("; external: ").append(String.join(", ", parts));
        }
        if (!unwaited.isEmpty()) {
            line.append("; not waited for (tasks run elsewhere): ").append(String.join(", ", unwaited));
        }
        return line.toString();
    }

    private static ServiceSpec external(ServiceSpec target, String host, String dependent) {
        String key = "services." + target.name() + ".ready";
        if (!target.ready().hasProbe()) {
            throw new MusterException(ExitCodes.INVALID_PROFILE, key + ": " + dependent + " depends on " + target.name()
                    + ", which runs elsewhere with --only, but it has no ready probe to wait for; add"
                    + " ready: { tcp: { port: N } } (or http, postgres, redis) to " + target.name());
        }
        ProbeSpec probe = target.ready().probe().withHost(host).orElseThrow(() -> new MusterException(
                ExitCodes.INVALID_PROFILE, key + ": " + dependent + " depends on " + target.name()
                + ", which runs elsewhere with --only, but its ready probe (" + target.ready().probe().describe()
                + ") can only run next to " + target.name() + "; give " + target.name()
                + " a tcp, http, postgres or redis ready probe, or run both in one slice (--only "
                + dependent + "," + target.name() + ")"));
        ReadySpec ready = new ReadySpec(probe, target.ready().timeout(), target.ready().interval(), target.ready().startPeriod());
        return new ServiceSpec(target.name(), Kind.EXTERNAL, List.of(), false, Map.of(), null, null, Map.of(), ready,
                StopSpec.defaults(), null, true, null, null, RestartSpec.never(), null, null, null, Set.of(), null, true);
    }

    private static ServiceSpec withDependencies(ServiceSpec s, Map<String, Condition> dependsOn) {
        return s.withDependencies(dependsOn);
    }
}
