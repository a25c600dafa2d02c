package dev.muster.export.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.export.ExportSettings;
import dev.muster.export.ExportWarnings;
import dev.muster.export.Placement;
import dev.muster.profile.Profile;
import dev.muster.profile.ProfileLoader;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API server's rules that the OpenAPI schema does not express (KubernetesSchemaIT checks the
 * schema): what kompose and Compose Bridge get wrong.
 */
class KubernetesRulesTest {
    private static final Map<String, String> ENV = Map.of("MUSTER_DEMO_DIR", "/data", "PATH", "/usr/bin:/bin");

    @ParameterizedTest
    @ValueSource(strings = {"demo", "hf-space", "split"})
    void longRunningPodsRestartAlwaysAndJobsNever(String profile) {
        List<HasMetadata> objects = objects(profile);

        for (HasMetadata object : objects) {
            if (object instanceof Deployment || object instanceof StatefulSet) {
                assertThat(template(object).getSpec().getRestartPolicy()).as(id(object)).isEqualTo("Always");
            }
            if (object instanceof Job) {
                assertThat(template(object).getSpec().getRestartPolicy()).as(id(object)).isIn("OnFailure", "Never");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "hf-space", "split"})
    void initContainersHaveNoProbesAndNamesAreUniqueDnsLabels(String profile) {
        for (PodTemplateSpec template : templates(objects(profile))) {
            for (Container init : template.getSpec().getInitContainers()) {
                assertThat(init.getStartupProbe()).isNull();
                assertThat(init.getReadinessProbe()).isNull();
                assertThat(init.getLivenessProbe()).isNull();
            }
            List<String> names = Stream.concat(template.getSpec().getInitContainers().stream(),
                    template.getSpec().getContainers().stream()).map(Container::getName).toList();
            assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") && n.length() <= 63);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "hf-space", "split"})
    void everyReferenceResolvesWithinTheExport(String profile) {
        List<HasMetadata> objects = objects(profile);
        Set<String> names = new HashSet<>();
        objects.forEach(o -> names.add(o.getKind() + "/" + o.getMetadata().getName()));
        for (HasMetadata object : objects) {
            if (object instanceof StatefulSet set) {
                set.getSpec().getVolumeClaimTemplates().forEach(c -> names.add("PersistentVolumeClaim/" + c.getMetadata().getName()));
            }
        }
        List<Map<String, String>> podLabels = new ArrayList<>();
        for (PodTemplateSpec template : templates(objects)) {
            podLabels.add(template.getMetadata().getLabels());
            Set<String> volumes = new HashSet<>();
            for (Volume volume : template.getSpec().getVolumes()) {
                volumes.add(volume.getName());
                if (volume.getPersistentVolumeClaim() != null) {
                    assertThat(names).contains("PersistentVolumeClaim/" + volume.getPersistentVolumeClaim().getClaimName());
                }
                if (volume.getSecret() != null) {
                    assertThat(names).contains("Secret/" + volume.getSecret().getSecretName());
                }
            }
            Stream.concat(template.getSpec().getInitContainers().stream(), template.getSpec().getContainers().stream())
                    .forEach(c -> {
                        c.getVolumeMounts().forEach(m -> assertThat(volumes.contains(m.getName()) || claimTemplate(objects, m.getName()))
                                .as("volume %s of %s", m.getName(), c.getName()).isTrue());
                        c.getEnvFrom().forEach(e -> assertThat(names).contains("ConfigMap/" + e.getConfigMapRef().getName()));
                    });
        }
        for (HasMetadata object : objects) {
            if (object instanceof Service service) {
                assertThat(podLabels).as("pods selected by %s", id(object))
                        .anyMatch(labels -> labels.entrySet().containsAll(service.getSpec().getSelector().entrySet()));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hf-space", "split"})
    void postgresIsAStatefulSetWithAHeadlessServiceAndTheSchemaRunsBeforeTheBackend(String profile) {
        List<HasMetadata> objects = objects(profile);

        StatefulSet postgres = (StatefulSet) find(objects, "StatefulSet", "postgres");
        Service headless = (Service) find(objects, "Service", "postgres");
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(postgres.getSpec().getServiceName()).isEqualTo("postgres");
        assertThat(postgres.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName())
                .anyMatch(name -> name.endsWith("-pg"));
        assertThat(postgres.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(30);
        Deployment backend = (Deployment) find(objects, "Deployment", "backend");
        assertThat(backend.getSpec().getTemplate().getSpec().getInitContainers()).extracting(Container::getName)
                .startsWith("wait-postgres", "wait-redis");
    }

    private static boolean claimTemplate(List<HasMetadata> objects, String name) {
        return objects.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast)
                .flatMap(s -> s.getSpec().getVolumeClaimTemplates().stream()).map(PersistentVolumeClaim::getMetadata)
                .anyMatch(m -> m.getName().equals(name));
    }

    private static HasMetadata find(List<HasMetadata> objects, String kind, String name) {
        return objects.stream().filter(o -> o.getKind().equals(kind) && o.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static List<PodTemplateSpec> templates(List<HasMetadata> objects) {
        return objects.stream().filter(o -> o instanceof Deployment || o instanceof StatefulSet || o instanceof Job)
                .map(KubernetesRulesTest::template).toList();
    }

    private static PodTemplateSpec template(HasMetadata object) {
        if (object instanceof Deployment d) {
            return d.getSpec().getTemplate();
        }
        if (object instanceof StatefulSet s) {
            return s.getSpec().getTemplate();
        }
        return ((Job) object).getSpec().getTemplate();
    }

    private static String id(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    private static List<HasMetadata> objects(String name) {
        Profile profile = new ProfileLoader(ENV, spec -> "secret")
                .load(List.of(Path.of("profiles/" + name + ".yaml"))).profile();
        ExportWarnings warnings = new ExportWarnings();
        ExportSettings settings = new ExportSettings("muster-demo", List.of("/app/profiles/" + name + ".yaml"),
                Map.of(), ExportSettings.ENTRYPOINT);
        return KubernetesExport.objects(Placement.of(profile, warnings), settings, Map.of("DB_PASSWORD", "x"), warnings);
    }
}
