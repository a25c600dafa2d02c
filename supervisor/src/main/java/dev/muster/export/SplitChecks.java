package dev.muster.export;

import dev.muster.MusterException;
import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import dev.muster.slice.ExternalHosts;
import dev.muster.slice.Slice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What a profile written for one machine gets wrong once split, found before anything is
 * deployed: a group whose {@code up --only} would be refused (an external with an exec or log
 * probe, or none), addresses in env that point at 127.0.0.1 for a service now elsewhere, and
 * services that listen on 127.0.0.1 only although another container needs them.
 */
public final class SplitChecks {
    private SplitChecks() {
    }

    public static void check(Placement placement, Map<String, String> environment, ExportWarnings warnings) {
        Profile profile = placement.profile();
        for (Group group : placement.groups().values()) {
            try {
                Slice.of(profile, group.members(), environment);
            } catch (MusterException e) {
                warnings.add(group.name(), "muster up --only " + String.join(",", group.members())
                        + " will refuse to start: " + e.getMessage());
            }
            for (String external : group.externalServices()) {
                loopbackEnv(profile, group, external, warnings);
            }
        }
        placement.groups().values().stream()
                .filter(g -> !g.isTask() && placement.groups().values().stream().anyMatch(o -> o.externalServices().contains(g.name())))
                .filter(g -> g.main().command().stream().anyMatch(arg -> arg.contains("127.0.0.1") || arg.contains("localhost")))
                .forEach(g -> warnings.add(g.name(), "its command names 127.0.0.1/localhost; in a container of its own it"
                        + " must listen on 0.0.0.0 to be reached as " + g.name() + " by the others"));
    }

    private static void loopbackEnv(Profile profile, Group group, String external, ExportWarnings warnings) {
        ServiceSpec target = profile.services().get(external);
        OptionalInt port = target.ready().hasProbe() ? target.ready().probe().networkPort() : OptionalInt.empty();
        if (port.isEmpty()) {
            return;
        }
        Map<String, String> env = new LinkedHashMap<>(profile.env());
        group.members().forEach(m -> env.putAll(profile.services().get(m).env()));
        for (Map.Entry<String, String> entry : env.entrySet()) {
            String value = entry.getValue();
            if (value.contains("127.0.0.1:" + port.getAsInt()) || value.contains("localhost:" + port.getAsInt())) {
                warnings.add(group.name(), "env " + entry.getKey() + " reaches " + external + " at 127.0.0.1:" + port.getAsInt()
                        + ", which after the split is this container; write ${" + ExternalHosts.variable(external)
                        + ":-127.0.0.1} for the host (every exported container sets it)");
            }
        }
    }
}
