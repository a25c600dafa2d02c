package dev.muster.export.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.muster.export.DataVolume;
import dev.muster.export.ExportSettings;
import dev.muster.export.ExportWarnings;
import dev.muster.export.Group;
import dev.muster.export.Placement;
import dev.muster.profile.ProbeSpec;
import dev.muster.slice.ExternalHosts;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Maps a {@link Placement} to typed Kubernetes objects (fabric8's kubernetes-model): a ConfigMap
 * of the containers' environment and a Secret of the profile's secrets; for PostgreSQL (a group
 * whose service has a postgres ready probe and a data volume) a StatefulSet with a claim template
 * and a headless Service; for every other long-running group a Deployment, its claims and a
 * Service; a Job for a task nothing depends on. Loaded only by {@code muster export kubernetes}.
 */
public final class KubernetesExport {
    static final String STORAGE = "1Gi";

    private final Placement placement;
    private final ExportSettings settings;
    private final ExportWarnings warnings;
    private final String stack;
    private final PodTemplates pods;

    private KubernetesExport(Placement placement, ExportSettings settings, ExportWarnings warnings) {
        this.placement = placement;
        this.settings = settings;
        this.warnings = warnings;
        this.stack = name(placement.profile().name());
        this.pods = new PodTemplates(placement, settings, warnings);
    }

    /** The objects as one multi-document YAML text. */
    public static String yaml(Placement placement, ExportSettings settings, Map<String, String> secrets, ExportWarnings warnings) {
        List<HasMetadata> objects = objects(placement, settings, secrets, warnings);
        ObjectMapper mapper = new ObjectMapper(YAMLFactory.builder().enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build());
        StringBuilder text = new StringBuilder("# Written by muster export kubernetes from " + placement.profile().source()
                + "; do not edit, export again. Use: kubectl apply -f kubernetes.yaml\n");
        try {
            for (HasMetadata object : objects) {
                text.append(mapper.writeValueAsString(object));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Kubernetes objects: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /** The typed objects, in the order kubectl should create them. */
    public static List<HasMetadata> objects(Placement placement, ExportSettings settings, Map<String, String> secrets,
                                            ExportWarnings warnings) {
        return new KubernetesExport(placement, settings, warnings).build(secrets);
    }

    /** Whether the group is PostgreSQL: a postgres ready probe and a data directory. */
    static boolean isDatabase(Placement placement, Group group) {
        return !group.isTask() && group.main().ready().probe() instanceof ProbeSpec.Postgres
                && !placement.volumesOf(group).isEmpty();
    }

    /** A DNS-1123 name. */
    static String name(String text) {
        String name = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        return name.length() > 63 ? name.substring(0, 63).replaceAll("-+$", "") : name;
    }

    private List<HasMetadata> build(Map<String, String> secrets) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(new ConfigMapBuilder().withMetadata(meta(stack + "-env", null)).withData(environment()).build());
        if (!secrets.isEmpty()) {
            objects.add(new SecretBuilder().withMetadata(meta(stack + "-secrets", null)).withType("Opaque")
                    .withStringData(secrets).build());
        }
        Map<String, List<String>> taskGroupsOf = new LinkedHashMap<>();
        for (Group group : placement.groups().values()) {
            group.externalTasks().forEach(task -> taskGroupsOf.computeIfAbsent(group.name(), k -> new ArrayList<>()).add(task));
        }
        for (Group group : placement.groups().values()) {
            if (group.isTask()) {
                boolean needed = placement.groups().values().stream().anyMatch(g -> g.externalTasks().contains(group.name()));
                if (needed) {
                    warnings.add(group.name(), "needed by several services: an init container in each of their pods,"
                            + " so it runs once per pod start (make it idempotent)");
                } else {
                    objects.add(job(group));
                }
                continue;
            }
            List<String> taskGroups = taskGroupsOf.getOrDefault(group.name(), List.of());
            objects.addAll(isDatabase(placement, group) ? statefulSet(group, taskGroups) : deployment(group, taskGroups));
        }
        return objects;
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(settings.environment());
        placement.groups().values().stream().filter(g -> !g.isTask())
                .forEach(g -> env.putIfAbsent(ExternalHosts.variable(g.name()), name(g.name())));
        return env;
    }

    private List<HasMetadata> statefulSet(Group group, List<String> taskGroups) {
        String name = name(group.name());
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(service(group, true));
        List<PersistentVolumeClaim> templates = placement.volumesOf(group).stream().map(this::claim).toList();
        PodSpec pod = pods.longRunning(group, taskGroups);
        objects.add(new StatefulSetBuilder().withMetadata(meta(name, group))
                .withNewSpec().withServiceName(name).withReplicas(1)
                .withNewSelector().withMatchLabels(selector(group)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels(group)).endMetadata().withSpec(pod).endTemplate()
                .withVolumeClaimTemplates(templates)
                .endSpec().build());
        warnings.add(group.name(), "one replica: PostgreSQL replication is not something an export can set up;"
                + " each claim asks for " + STORAGE + " of the default storage class, set yours");
        return objects;
    }

    private List<HasMetadata> deployment(Group group, List<String> taskGroups) {
        String name = name(group.name());
        List<HasMetadata> objects = new ArrayList<>();
        List<DataVolume> volumes = placement.volumesOf(group);
        volumes.forEach(v -> objects.add(claim(v)));
        if (port(group).isPresent()) {
            objects.add(service(group, false));
        }
        objects.add(new DeploymentBuilder().withMetadata(meta(name, group))
                .withNewSpec().withReplicas(1)
                .withNewStrategy().withType(volumes.isEmpty() ? "RollingUpdate" : "Recreate").endStrategy()
                .withNewSelector().withMatchLabels(selector(group)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels(group)).endMetadata()
                .withSpec(pods.longRunning(group, taskGroups)).endTemplate()
                .endSpec().build());
        if (!volumes.isEmpty()) {
            warnings.add(group.name(), "its data directories are ReadWriteOnce claims: one replica, replaced with"
                    + " strategy Recreate; claims ask for " + STORAGE);
        }
        return objects;
    }

    private HasMetadata job(Group group) {
        return new JobBuilder().withMetadata(meta(name(group.name()), group))
                .withNewSpec().withBackoffLimit(3)
                .withNewTemplate().withNewMetadata().withLabels(labels(group)).endMetadata()
                .withSpec(pods.job(group)).endTemplate()
                .endSpec().build();
    }

    private HasMetadata service(Group group, boolean headless) {
        ServiceBuilder service = new ServiceBuilder().withMetadata(meta(name(group.name()), group));
        var spec = service.withNewSpec().withSelector(selector(group));
        if (headless) {
            spec.withClusterIP("None");
        }
        port(group).ifPresent(port -> spec.addNewPort().withName("main").withPort(port).withProtocol("TCP")
                .withTargetPort(new IntOrString(port)).endPort());
        return spec.endSpec().build();
    }

    private PersistentVolumeClaim claim(DataVolume volume) {
        return new PersistentVolumeClaimBuilder().withNewMetadata().withName(volume.name())
                .withLabels(Map.of("app.kubernetes.io/part-of", stack)).endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().addToRequests("storage", new Quantity(STORAGE)).endResources()
                .endSpec().build();
    }

    private java.util.Optional<Integer> port(Group group) {
        if (!group.main().ready().hasProbe() || group.main().ready().probe() instanceof ProbeSpec.Exec) {
            return java.util.Optional.empty();
        }
        OptionalInt port = group.main().ready().probe().networkPort();
        return port.isPresent() ? java.util.Optional.of(port.getAsInt()) : java.util.Optional.empty();
    }

    private ObjectMeta meta(String name, Group group) {
        return new ObjectMetaBuilder().withName(name).withLabels(group == null
                ? Map.of("app.kubernetes.io/part-of", stack) : labels(group)).build();
    }

    private Map<String, String> labels(Group group) {
        Map<String, String> labels = new LinkedHashMap<>(selector(group));
        labels.put("app.kubernetes.io/part-of", stack);
        return labels;
    }

    private Map<String, String> selector(Group group) {
        return Map.of("app.kubernetes.io/name", name(group.name()));
    }
}
