package dev.muster.export;

import dev.muster.graph.DependencyGraph;
import dev.muster.profile.DirectorySpec;
import dev.muster.profile.Kind;
import dev.muster.profile.Profile;
import dev.muster.profile.ProbeSpec;
import dev.muster.profile.ServiceSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides which services share a container when a profile is split: one {@link Group} per
 * long-running service, with the tasks only it needs; one group per other task; and the
 * {@link DataVolume}s each group mounts. Both exporters start from it, so Compose and Kubernetes
 * split a stack the same way.
 *
 * @param profile the profile being exported
 * @param groups  by name, in start order of their main service
 * @param volumes the data directories that some group uses
 */
public record Placement(Profile profile, Map<String, Group> groups, List<DataVolume> volumes) {
    public Placement {
        groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        volumes = List.copyOf(volumes);
    }

    /** Splits {@code profile}; what cannot be split is reported to {@code warnings}. */
    public static Placement of(Profile profile, ExportWarnings warnings) {
        Map<String, ServiceSpec> services = profile.services();
        DependencyGraph graph = DependencyGraph.of(profile.dependencyEdges());
        List<String> order = graph.startOrder();
        Map<String, String> home = new LinkedHashMap<>();
        for (String name : order) {
            ServiceSpec spec = services.get(name);
            if (spec.kind() == Kind.EXTERNAL) {
                warnings.add(name, "kind: external is not exported; the services that need it wait for it at "
                        + "MUSTER_HOST_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + " (or hosts:)");
            } else if (!spec.isTask()) {
                home.put(name, name);
            } else {
                Set<String> owners = owners(name, graph, services);
                home.put(name, owners.size() == 1 ? owners.iterator().next() : name);
                if (owners.size() > 1) {
                    warnings.add(name, "needed by " + String.join(", ", owners) + ": it runs in a container of its own;"
                            + " Compose orders it (service_completed_successfully), Swarm does not");
                }
            }
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String name : order) {
            if (name.equals(home.get(name))) {
                groups.put(name, group(name, order, home, services));
            }
        }
        return new Placement(profile, groups, volumes(profile, groups, warnings));
    }

    /** The groups that run {@code name}'s dependencies outside {@code group}, both kinds. */
    public Set<String> dependencyGroups(Group group) {
        Set<String> all = new LinkedHashSet<>(group.externalServices());
        all.addAll(group.externalTasks());
        all.retainAll(groups.keySet());
        return all;
    }

    /** The volumes {@code group} mounts. */
    public List<DataVolume> volumesOf(Group group) {
        return volumes.stream().filter(v -> v.groups().contains(group.name())).toList();
    }

    /** The long-running services a task serves, following dependents through other tasks. */
    private static Set<String> owners(String task, DependencyGraph graph, Map<String, ServiceSpec> services) {
        Set<String> owners = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(graph.dependentsOf(task));
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (services.get(next).isTask()) {
                queue.addAll(graph.dependentsOf(next));
            } else {
                owners.add(next);
            }
        }
        return owners;
    }

    private static Group group(String name, List<String> order, Map<String, String> home, Map<String, ServiceSpec> services) {
        List<String> members = order.stream().filter(m -> name.equals(home.get(m))).toList();
        Set<String> externalServices = new LinkedHashSet<>();
        Set<String> externalTasks = new LinkedHashSet<>();
        for (String member : members) {
            for (String dependency : services.get(member).dependsOn().keySet()) {
                if (members.contains(dependency)) {
                    continue;
                }
                ServiceSpec target = services.get(dependency);
                if (target.isTask() && target.kind() != Kind.EXTERNAL) {
                    externalTasks.add(home.get(dependency));
                } else {
                    externalServices.add(dependency);
                }
            }
        }
        return new Group(name, services.get(name), members, externalServices, externalTasks);
    }

    private static List<DataVolume> volumes(Profile profile, Map<String, Group> groups, ExportWarnings warnings) {
        List<DataVolume> volumes = new ArrayList<>();
        for (DirectorySpec directory : profile.directories()) {
            String path = directory.path().toString();
            Set<String> users = new LinkedHashSet<>();
            groups.values().forEach(group -> group.members().forEach(member -> {
                if (mentions(profile.services().get(member), path)) {
                    users.add(group.name());
                }
            }));
            if (users.isEmpty()) {
                warnings.add(path, "no exported service names this directory; muster creates it in every container,"
                        + " but it is not a volume and its content is lost with the container");
                continue;
            }
            if (users.size() > 1) {
                warnings.add(path, "used by " + String.join(", ", users) + ": one volume shared by several containers"
                        + " works on one node only (a Swarm node, a ReadWriteMany claim on Kubernetes)");
            }
            volumes.add(new DataVolume(volumeName(path), directory.path(), users));
        }
        return volumes;
    }

    /** Whether any string the service is configured with names {@code dir} or a path inside it. */
    static boolean mentions(ServiceSpec spec, String dir) {
        List<String> texts = new ArrayList<>(spec.command());
        texts.addAll(spec.env().values());
        for (Object value : new Object[] {spec.cwd(), spec.creates(), spec.log() == null ? null : spec.log().file(),
            spec.schema() == null ? null : spec.schema().apply(), spec.migrations() == null ? null : spec.migrations().directory()}) {
            if (value != null) {
                texts.add(value.toString());
            }
        }
        if (spec.ready().probe() instanceof ProbeSpec.Exec exec) {
            texts.addAll(exec.command());
        }
        return texts.stream().anyMatch(text -> containsPath(text, dir));
    }

    private static boolean containsPath(String text, String dir) {
        int at = text.indexOf(dir);
        while (at >= 0) {
            int end = at + dir.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            if (startOk && (end == text.length() || text.charAt(end) == '/' || !Character.isLetterOrDigit(text.charAt(end))
                    && text.charAt(end) != '-' && text.charAt(end) != '_' && text.charAt(end) != '.')) {
                return true;
            }
            at = text.indexOf(dir, at + 1);
        }
        return false;
    }

    /** A DNS-1123 label for a directory: lower case, '-' for everything else, at most 63 characters. */
    public static String volumeName(String path) {
        String name = path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (name.length() > 63) {
            name = name.substring(name.length() - 63).replaceAll("^-+", "");
        }
        return name.isEmpty() ? "root" : name;
    }
}
