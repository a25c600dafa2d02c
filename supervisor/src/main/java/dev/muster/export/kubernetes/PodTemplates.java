package dev.muster.export.kubernetes;

import dev.muster.export.DataVolume;
import dev.muster.export.ExportSettings;
import dev.muster.export.ExportWarnings;
import dev.muster.export.Group;
import dev.muster.export.Placement;
import dev.muster.export.StopPlan;
import dev.muster.profile.ProbeSpec;
import dev.muster.profile.Profile;
import dev.muster.profile.SecretSpec;
import dev.muster.profile.ServiceSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pod of one group: init containers that wait for the group's external dependencies
 * ({@code muster probe NAME --remote --wait}) and run its tasks ({@code muster up --only TASK},
 * the schema step included: its advisory lock keeps replicas safe), then the main container
 * ({@code muster up --only NAME}) with its probes, the data volumes, the secret files where the
 * profile reads them, the ConfigMap as environment and the grace period of its stop plan.
 */
final class PodTemplates {
    static final String SECRETS_VOLUME = "secrets";
    private static final int SECRET_MODE = 0400;

    private final Placement placement;
    private final ExportSettings settings;
    private final ExportWarnings warnings;
    private final String stack;
    private final ProbeMapping probes;

    PodTemplates(Placement placement, ExportSettings settings, ExportWarnings warnings) {
        this.placement = placement;
        this.settings = settings;
        this.warnings = warnings;
        this.stack = KubernetesExport.name(placement.profile().name());
        this.probes = new ProbeMapping(settings, warnings);
    }

    /** The pod of a long-running group; {@code claims} are the volumes a StatefulSet makes from its templates. */
    PodSpec longRunning(Group group, List<String> taskGroupsFirst) {
        Profile profile = placement.profile();
        ServiceSpec main = group.main();
        List<Container> init = new ArrayList<>();
        for (String external : group.externalServices()) {
            ServiceSpec dependency = profile.services().get(external);
            boolean remote = dependency.ready().hasProbe() && dependency.ready().probe().withHost("h").isPresent();
            if (remote && placement.groups().containsKey(external)) {
                init.add(container("wait-" + external, settings.probeArgs(external, "--remote", "--wait"), group));
            }
        }
        for (String task : taskGroupsFirst) {
            init.add(container("task-" + task, settings.upOnly(List.of(task)), group));
        }
        for (String task : group.tasks()) {
            init.add(container("task-" + task, settings.upOnly(List.of(task)), group));
        }
        Duration budget = main.ready().timeout();
        ContainerBuilder container = new ContainerBuilder(container(group.name(), settings.upOnly(List.of(group.name())), group));
        probes.startup(main.name(), main.ready(), budget).ifPresent(container::withStartupProbe);
        probes.readiness(main.name(), main.ready()).ifPresent(container::withReadinessProbe);
        probes.liveness(main.name(), main.live()).ifPresent(container::withLivenessProbe);
        port(main).ifPresent(container::withPorts);
        return pod(group, init, container.build(), "Always");
    }

    /** The pod of a Job that runs one task group. */
    PodSpec job(Group group) {
        return pod(group, List.of(), container(group.name(), settings.upOnly(group.members()), group), "OnFailure");
    }

    private PodSpec pod(Group group, List<Container> init, Container main, String restartPolicy) {
        PodSpecBuilder pod = new PodSpecBuilder()
                .withRestartPolicy(restartPolicy)
                .withTerminationGracePeriodSeconds(StopPlan.grace(placement.profile(), group).toSeconds())
                .withInitContainers(init)
                .withContainers(main)
                .withVolumes(volumes(group));
        securityContext(group).ifPresent(pod::withSecurityContext);
        return pod.build();
    }

    private Container container(String name, List<String> args, Group group) {
        return new ContainerBuilder()
                .withName(KubernetesExport.name(name))
                .withImage(settings.image())
                .withImagePullPolicy("IfNotPresent")
                .withArgs(args)
                .addNewEnvFrom().withNewConfigMapRef().withName(stack + "-env").endConfigMapRef().endEnvFrom()
                .withVolumeMounts(mounts(group))
                .build();
    }

    private java.util.Optional<ContainerPort> port(ServiceSpec main) {
        if (!main.ready().hasProbe() || main.ready().probe().networkPort().isEmpty() || main.ready().probe() instanceof ProbeSpec.Exec) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ContainerPortBuilder().withName("main")
                .withContainerPort(main.ready().probe().networkPort().getAsInt()).withProtocol("TCP").build());
    }

    private List<VolumeMount> mounts(Group group) {
        List<VolumeMount> mounts = new ArrayList<>();
        for (DataVolume volume : placement.volumesOf(group)) {
            mounts.add(new VolumeMountBuilder().withName(volume.name()).withMountPath(volume.path().toString()).build());
        }
        for (SecretSpec secret : placement.profile().secrets().values()) {
            mounts.add(new VolumeMountBuilder().withName(SECRETS_VOLUME).withMountPath(secret.file().toString())
                    .withSubPath(secret.name()).withReadOnly(true).build());
        }
        return mounts;
    }

    private List<Volume> volumes(Group group) {
        List<Volume> volumes = new ArrayList<>();
        if (!KubernetesExport.isDatabase(placement, group)) {
            for (DataVolume volume : placement.volumesOf(group)) {
                volumes.add(new VolumeBuilder().withName(volume.name()).withNewPersistentVolumeClaim()
                        .withClaimName(volume.name()).endPersistentVolumeClaim().build());
            }
        }
        Map<String, SecretSpec> secrets = placement.profile().secrets();
        if (!secrets.isEmpty()) {
            VolumeBuilder volume = new VolumeBuilder().withName(SECRETS_VOLUME);
            var source = volume.withNewSecret().withSecretName(stack + "-secrets").withDefaultMode(SECRET_MODE);
            secrets.values().forEach(s -> source.addNewItem().withKey(s.name()).withPath(s.name()).endItem());
            volumes.add(source.endSecret().build());
        }
        return volumes;
    }

    /** {@code runAsUser}/{@code runAsGroup} when every member runs as one numeric {@code uid[:gid]}. */
    private java.util.Optional<PodSecurityContext> securityContext(Group group) {
        List<String> users = group.members().stream().map(m -> placement.profile().services().get(m))
                .filter(spec -> !spec.kind().inProcess()).map(spec -> spec.user() == null ? "(muster's own)" : spec.user())
                .distinct().toList();
        if (users.size() != 1 || users.get(0).equals("(muster's own)")) {
            if (users.size() > 1) {
                warnings.add(group.name(), "its services run as " + String.join(", ", users) + ": no securityContext;"
                        + " muster starts as the image's user (root) and switches users itself");
            }
            return java.util.Optional.empty();
        }
        String user = users.get(0);
        if (!user.matches("\\d+(:\\d+)?")) {
            warnings.add(group.name(), "user: " + user + " is a name; Kubernetes needs numbers: no securityContext;"
                    + " muster starts as the image's user (root) and switches to " + user + " itself");
            return java.util.Optional.empty();
        }
        String[] ids = user.split(":");
        PodSecurityContextBuilder context = new PodSecurityContextBuilder().withRunAsUser(Long.parseLong(ids[0]))
                .withRunAsNonRoot(!"0".equals(ids[0]));
        if (ids.length > 1) {
            context.withRunAsGroup(Long.parseLong(ids[1])).withFsGroup(Long.parseLong(ids[1]));
        }
        return java.util.Optional.of(context.build());
    }
}
