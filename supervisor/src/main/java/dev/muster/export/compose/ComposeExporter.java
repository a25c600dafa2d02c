package dev.muster.export.compose;

import dev.muster.export.DataVolume;
import dev.muster.export.Durations;
import dev.muster.export.ExportSettings;
import dev.muster.export.ExportWarnings;
import dev.muster.export.Group;
import dev.muster.export.Placement;
import dev.muster.export.SecretFiles;
import dev.muster.export.StopPlan;
import dev.muster.profile.ProbeSpec;
import dev.muster.profile.Profile;
import dev.muster.profile.ReadySpec;
import dev.muster.profile.SecretSpec;
import dev.muster.profile.ServiceSpec;
import dev.muster.slice.ExternalHosts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Maps a {@link Placement} to a Compose file: one container per group, all from one image, each
 * running {@code muster up --only MEMBERS}. Two flavours of the same model: {@link Flavor#COMPOSE}
 * (compose-spec: {@code depends_on} with conditions, {@code restart:}) and {@link Flavor#STACK}
 * ({@code docker stack deploy}: version 3.8, {@code depends_on} as a list, {@code deploy:}).
 */
public final class ComposeExporter {
    /** The shortest health-check interval written; muster's 25 ms default is for in-process polling. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(2);
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);
    static final int SECRET_MODE = 0400;

    /** Which reader the file is for. */
    public enum Flavor { COMPOSE, STACK }

    private final ExportSettings settings;

    public ComposeExporter(ExportSettings settings) {
        this.settings = settings;
    }

    public ComposeFile export(Placement placement, Flavor flavor, ExportWarnings warnings) {
        Profile profile = placement.profile();
        Map<String, ComposeService> services = new LinkedHashMap<>();
        for (Group group : placement.groups().values()) {
            services.put(group.name(), service(placement, group, flavor, warnings));
        }
        Map<String, ComposeFile.Volume> volumes = new LinkedHashMap<>();
        placement.volumes().forEach(v -> volumes.put(v.name(), new ComposeFile.Volume(Map.of())));
        Map<String, ComposeFile.Secret> secrets = new LinkedHashMap<>();
        profile.secrets().values().forEach(s -> secrets.put(secretName(s), new ComposeFile.Secret("./" + SecretFiles.relative(s))));
        return new ComposeFile(flavor == Flavor.STACK ? "3.8" : null, services, volumes, secrets);
    }

    /** The Compose name of a secret: {@code DB_PASSWORD} is {@code db_password}. */
    public static String secretName(SecretSpec spec) {
        return spec.name().toLowerCase(Locale.ROOT);
    }

    private ComposeService service(Placement placement, Group group, Flavor flavor, ExportWarnings warnings) {
        Profile profile = placement.profile();
        ServiceSpec main = group.main();
        if (main.isContainer()) {
            warnings.add(group.name(), "runs its own image " + main.container().image() + " in the profile: exported as"
                    + " a muster container like the others; give the image's program to the muster image or run it apart");
        }
        List<String> volumes = placement.volumesOf(group).stream().map(ComposeExporter::mount).toList();
        List<ComposeService.SecretMount> secrets = profile.secrets().values().stream()
                .map(s -> new ComposeService.SecretMount(secretName(s), s.file().toString(), SECRET_MODE)).toList();
        boolean task = group.isTask();
        return new ComposeService(settings.image(), settings.upOnly(group.members()), environment(placement),
                dependsOn(placement, group, flavor), task ? null : healthcheck(profile, group, warnings),
                ports(placement, group, warnings), volumes, secrets, "SIGTERM",
                Durations.compose(StopPlan.grace(profile, group)),
                flavor == Flavor.COMPOSE ? (task ? "on-failure" : "unless-stopped") : null,
                flavor == Flavor.STACK ? new ComposeService.Deploy(1, "dnsrr",
                        new ComposeService.RestartPolicy(task ? "on-failure" : "any")) : null);
    }

    /** The export's variables, then {@code MUSTER_HOST_<NAME>=NAME} for every group: the service names of the network. */
    private Map<String, String> environment(Placement placement) {
        Map<String, String> env = new LinkedHashMap<>(settings.environment());
        placement.groups().values().stream().filter(g -> !g.isTask())
                .forEach(g -> env.putIfAbsent(ExternalHosts.variable(g.name()), g.name()));
        return env;
    }

    private static Object dependsOn(Placement placement, Group group, Flavor flavor) {
        Map<String, ComposeService.Dependency> conditions = new LinkedHashMap<>();
        for (String name : placement.dependencyGroups(group)) {
            Group other = placement.groups().get(name);
            String condition = other.isTask() ? "service_completed_successfully"
                    : other.main().ready().hasProbe() ? "service_healthy" : "service_started";
            conditions.put(name, new ComposeService.Dependency(condition));
        }
        return flavor == Flavor.STACK ? List.copyOf(conditions.keySet()) : conditions;
    }

    private ComposeService.Healthcheck healthcheck(Profile profile, Group group, ExportWarnings warnings) {
        ReadySpec ready = group.main().ready();
        if (!ready.hasProbe()) {
            warnings.add(group.name(), "no ready probe: no health check, and the containers that need it wait only"
                    + " for it to start (service_started)");
            return null;
        }
        if (ready.probe() instanceof ProbeSpec.Log) {
            warnings.add(group.name(), "its ready probe (" + ready.probe().describe() + ") reads the service's output,"
                    + " which a health check cannot see: no health check");
            return null;
        }
        Duration interval = ready.interval().compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : ready.interval();
        Duration startPeriod = ready.timeout();
        for (String external : group.externalServices()) {
            ServiceSpec dependency = profile.services().get(external);
            startPeriod = startPeriod.plus(dependency.ready().timeout());
        }
        List<String> test = new ArrayList<>(List.of("CMD"));
        test.addAll(settings.probe(group.main().name()));
        return new ComposeService.Healthcheck(test, Durations.compose(interval), Durations.compose(CHECK_TIMEOUT), 3,
                Durations.compose(startPeriod));
    }

    /** Publishes, in host mode, the port of each long-running service that no other container needs: the entry points. */
    private static List<ComposeService.Port> ports(Placement placement, Group group, ExportWarnings warnings) {
        boolean needed = placement.groups().values().stream().anyMatch(g -> g.externalServices().contains(group.name()));
        ReadySpec ready = group.main().ready();
        if (group.isTask() || needed || !ready.hasProbe()) {
            return List.of();
        }
        OptionalInt port = ready.probe().networkPort();
        if (port.isEmpty()) {
            warnings.add(group.name(), "nothing depends on it, but its ready probe names no port: nothing published");
            return List.of();
        }
        warnings.add(group.name(), "port " + port.getAsInt() + " published in host mode (Swarm's routing mesh is not"
                + " used; one task per node); other ports stay inside the stack's network");
        return List.of(new ComposeService.Port(port.getAsInt(), port.getAsInt(), "tcp", "host"));
    }

    /** {@code data-pg:/data/pg}. */
    static String mount(DataVolume volume) {
        return volume.name() + ":" + volume.path();
    }
}
