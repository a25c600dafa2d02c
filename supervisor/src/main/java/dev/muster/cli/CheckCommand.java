package dev.muster.cli;

import dev.muster.ExitCodes;
import dev.muster.graph.DependencyGraph;
import dev.muster.platform.MountTable;
import dev.muster.platform.PlatformReport;
import dev.muster.process.Users;
import dev.muster.profile.LoadedProfile;
import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import dev.muster.secret.SecretStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code muster check}: parse, validate and preflight; start and change nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Parse, validate and preflight a profile; start and change nothing.",
            "Reports what each schema and migrations step would do (apply, leave alone, refuse).",
            "Exit: 0 ready to boot, 2 invalid profile, 3 preflight failed."})
final class CheckCommand implements Callable<Integer> {
    private final Streams streams;

    @Mixin
    ProfileOptions profiles;

    CheckCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        LoadedProfile loaded = Profiles.load(streams, profiles.files(), SecretStore.readOnly());
        Profile profile = loaded.profile();
        dev.muster.container.Containers containers = Profiles.containers(streams, profile, line -> { });
        try {
            Profiles.preflight(streams, profile, new Users(), containers);
        } finally {
            containers.close();
        }
        streams.out().println("profile " + profile.source() + " (" + profile.name() + ") is valid and its preflight passed.");
        loaded.notes().forEach(note -> streams.out().println("note: " + note));
        streams.out().println("start order (independent services start in parallel):");
        DependencyGraph graph = profile.graph();
        for (String name : graph.startOrder()) {
            ServiceSpec spec = profile.services().get(name);
            StringBuilder line = new StringBuilder("  " + name + " (" + spec.kind().yamlName());
            if (!spec.required()) {
                line.append(", optional");
            }
            if (!spec.enabled()) {
                line.append(", disabled");
            }
            line.append(")");
            if (spec.kind() == dev.muster.profile.Kind.EXTERNAL && spec.enabled()) {
                line.append(" not started here; waited for up to ").append(dev.muster.status.Durations.format(spec.ready().timeout()))
                        .append(" with ").append(spec.ready().probe().describe());
            }
            if (!spec.dependsOn().isEmpty()) {
                line.append(" after ");
                spec.dependsOn().forEach((dep, condition) -> line.append(dep).append(" ").append(condition.yamlName()).append(", "));
                line.setLength(line.length() - 2);
            }
            streams.out().println(line);
        }
        PlatformReport platform = PlatformReport.of(profile, streams.env(), MountTable.read());
        platform.lines().forEach(streams.out()::println);
        platform.warnings().forEach(streams.out()::println);
        java.util.stream.Stream.concat(dev.muster.profile.ProfileWarnings.of(profile).stream(),
                dev.muster.secret.SecretStrength.warnings(profile).stream())
                .forEach(warning -> streams.out().println("warning: " + warning));
        if (DatabaseStepCheck.report(profile, streams.out())) {
            return ExitCodes.PREFLIGHT_FAILED;
        }
        return ExitCodes.OK;
    }
}
