package dev.muster.platform;

import dev.muster.backup.DumpEstimates;
import dev.muster.profile.BackupSpec;
import dev.muster.profile.Profile;
import dev.muster.status.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code check} and {@code up} say about the platform: which one muster sees and what follows,
 * the worst-case stop plan against the platform's grace (with the setting to change when it does not
 * fit), and PostgreSQL data directories on disks that do not persist.
 *
 * @param lines    facts, one per line
 * @param warnings problems that do not stop the boot, each with the fix
 */
public record PlatformReport(List<String> lines, List<String> warnings) {
    public PlatformReport {
        lines = List.copyOf(lines);
        warnings = List.copyOf(warnings);
    }

    public static PlatformReport of(Profile profile, Map<String, String> env, MountTable mounts) {
        PlatformFacts facts = PlatformFacts.detect(env, profile.grace());
        List<String> lines = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        lines.add("platform: " + facts.platform().title() + (facts.platform() == Platform.DOCKER ? " (no platform"
                + " variable seen)" : "") + "; user: " + facts.user() + "; public port: " + facts.port() + "; disk: "
                + facts.disk() + "; grace after SIGTERM: " + seconds(facts.grace()) + " (" + facts.graceSource() + ")");
        StopPlan plan = StopPlan.of(profile, DumpEstimates::expected);
        stopPlan(plan, facts, lines, warnings);
        disks(profile, facts, mounts, lines, warnings);
        return new PlatformReport(lines, warnings);
    }

    private static void stopPlan(StopPlan plan, PlatformFacts facts, List<String> lines, List<String> warnings) {
        Duration total = plan.total();
        Map<String, Duration> ends = plan.ends(Map.of());
        lines.add("stop plan, worst case " + seconds(total) + " (reverse dependency order; independent units in parallel):");
        for (StopStage stage : plan.stages().values()) {
            if (stage.stop().isZero() && stage.dump().isZero()) {
                continue;
            }
            lines.add("  " + stage.unit() + ": " + (stage.dump().isZero() ? "" : "on-stop dump ~" + seconds(stage.dump())
                    + ", then ") + "stop within " + seconds(stage.stop()) + " (done " + seconds(ends.get(stage.unit()))
                    + " after SIGTERM)");
        }
        if (total.compareTo(facts.grace()) <= 0) {
            return;
        }
        Map<String, StopBudget.Allotment> allotted = StopBudget.allot(plan, facts.grace());
        boolean databaseCut = plan.stages().values().stream().anyMatch(s -> s.tier() == StopStage.Tier.DATABASE
                && (allotted.get(s.unit()).stop().compareTo(s.stop()) < 0 || allotted.get(s.unit()).dump().compareTo(s.dump()) < 0));
        String consequence = databaseCut ? "PostgreSQL cannot shut down cleanly (or its on-stop dump cannot finish)"
                : plan.stages().values().stream().anyMatch(s -> s.tier() == StopStage.Tier.DATABASE)
                ? "muster cuts the applications' stop time so that PostgreSQL still shuts down cleanly"
                : "the services' stop timeouts will be cut short";
        long needed = (total.toMillis() + 4999) / 5000 * 5;
        warnings.add("WARNING: " + facts.platform().title() + " will SIGKILL " + seconds(facts.grace()) + " after SIGTERM ("
                + facts.graceSource() + "), but the stop plan needs up to " + seconds(total) + ": " + consequence + "; "
                + facts.settingFor(needed) + (facts.graceSource().startsWith("grace:") ? " and grace: " + needed : ""));
    }

    private static void disks(Profile profile, PlatformFacts facts, MountTable mounts, List<String> lines,
                              List<String> warnings) {
        for (Path dir : DataDirectories.of(profile)) {
            Optional<Mount> mount = mounts.mountOf(DataDirectoryCheck.resolved(dir));
            String why = !facts.diskPersists() ? facts.disk()
                    : mount.filter(Mount::isContainerLayer).map(m -> "it is in the container's own layer (" + m.describe()
                    + "), lost when the container is replaced").orElse(null);
            if (why == null) {
                continue;
            }
            Optional<BackupSpec> backup = profile.backups().values().stream().findFirst();
            if (backup.isPresent()) {
                lines.add("PostgreSQL's data directory " + dir + " does not persist (" + why + "); backups."
                        + backup.get().name() + " keeps the data as dumps in " + backup.get().to() + " (restore: "
                        + backup.get().restore().yamlName() + ")");
            } else {
                warnings.add("WARNING: PostgreSQL's data directory " + dir + " does not persist (" + why + "): every"
                        + " restart starts with an empty database. Add backups: { db: { database: { port: 5432, name: app },"
                        + " to: /data/bucket/backups } } to keep the data as dumps on storage that persists");
            }
        }
    }

    private static String seconds(Duration duration) {
        return duration.isZero() ? "0 s" : Durations.format(duration);
    }
}
