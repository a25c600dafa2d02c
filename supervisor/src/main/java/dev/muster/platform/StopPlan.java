package dev.muster.platform;

import dev.muster.backup.BackupAnchors;
import dev.muster.graph.DependencyGraph;
import dev.muster.profile.BackupSpec;
import dev.muster.profile.ProbeSpec;
import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The worst-case shutdown of a profile: stages in the order they begin (reverse dependency order),
 * independent ones in parallel, each taking its on-stop dump and its whole stop timeout. The plan's
 * length is the longest chain of stages. A task that others depend on adds no stop time: while it runs
 * its dependents have not started, and once completed it stops at once (under a budget it still gets
 * whatever is left before its deadline, see {@link StopSchedule}).
 *
 * @param stages by unit, in reverse start order
 */
public record StopPlan(Map<String, StopStage> stages) {
    public StopPlan {
        stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    }

    /** @param dumpTime the expected duration of each backup's on-stop dump */
    public static StopPlan of(Profile profile, Function<BackupSpec, Duration> dumpTime) {
        DependencyGraph graph = DependencyGraph.of(profile.dependencyEdges());
        List<String> order = new ArrayList<>(graph.startOrder());
        Collections.reverse(order);
        Map<String, List<BackupSpec>> anchors = BackupAnchors.of(profile);
        Map<String, StopStage> stages = new LinkedHashMap<>();
        for (String name : order) {
            ServiceSpec spec = profile.services().get(name);
            Duration dump = anchors.getOrDefault(name, List.of()).stream().map(dumpTime).reduce(Duration.ZERO, Duration::plus);
            Duration stop = spec.kind().inProcess() ? Duration.ZERO : spec.stop().timeout();
            if (spec.kind().runsToCompletion() && !graph.dependentsOf(name).isEmpty()) {
                // While it runs, its dependents have not started (they wait for it to complete), so their stops
                // are instant then; once completed it stops at once. Its stop never adds to theirs.
                stop = Duration.ZERO;
            }
            stages.put(name, new StopStage(name, isPostgres(spec) ? StopStage.Tier.DATABASE : StopStage.Tier.APPLICATION,
                    graph.dependentsOf(name), dump, stop));
        }
        return new StopPlan(stages);
    }

    /** The worst case: the longest chain of dumps and stops. */
    public Duration total() {
        return ends(Map.of()).values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /**
     * When each stage ends, from SIGTERM, with the durations in {@code allotted} (by unit; missing units
     * take their whole dump and stop).
     */
    public Map<String, Duration> ends(Map<String, StopBudget.Allotment> allotted) {
        Map<String, Duration> ends = new HashMap<>();
        for (StopStage stage : stages.values()) {
            Duration start = stage.after().stream().map(ends::get).filter(java.util.Objects::nonNull)
                    .max(Duration::compareTo).orElse(Duration.ZERO);
            StopBudget.Allotment time = allotted.getOrDefault(stage.unit(),
                    new StopBudget.Allotment(stage.dump(), stage.stop()));
            ends.put(stage.unit(), start.plus(time.dump()).plus(time.stop()));
        }
        return ends;
    }

    /** A PostgreSQL server: its ready probe is {@code postgres}, or its command is {@code postgres}. */
    static boolean isPostgres(ServiceSpec spec) {
        return spec.ready().probe() instanceof ProbeSpec.Postgres && !spec.kind().runsToCompletion()
                || !spec.command().isEmpty() && Path.of(spec.command().get(0)).getFileName().toString().equals("postgres");
    }
}
