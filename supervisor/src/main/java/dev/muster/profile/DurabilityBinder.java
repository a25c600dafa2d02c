package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Binds {@code backups:} (dumps that outlive the container's disk) and {@code grace:} (the seconds the
 * platform gives between SIGTERM and SIGKILL; empty or absent means "what the platform is known to give").
 * A backup that restores needs a schema step on the same database: the restore runs inside that
 * step's advisory lock, before its decision.
 */
final class DurabilityBinder {
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9_-]*";

    private final ProblemCollector problems;

    DurabilityBinder(ProblemCollector problems) {
        this.problems = problems;
    }

    Map<String, BackupSpec> backups(Section root, Map<String, ServiceSpec> services) {
        Map<String, BackupSpec> backups = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.entries("backups")) {
            String path = root.pathOf("backups") + "." + entry.getKey();
            if (!entry.getKey().matches(NAME)) {
                problems.add(path, "\"" + entry.getKey() + "\" is not a valid backup name; use letters, digits, '-'"
                        + " and '_' (it starts every dump file name)");
            }
            Section.sectionOf(entry.getValue(), path, problems)
                    .flatMap(section -> backup(entry.getKey(), section, services))
                    .ifPresent(spec -> backups.put(spec.name(), spec));
        }
        return backups;
    }

    private Optional<BackupSpec> backup(String name, Section section, Map<String, ServiceSpec> services) {
        Optional<DatabaseSpec> database = new DatabaseBinder(problems).step(section);
        Optional<String> to = section.required("to", "with the dump directory, e.g. to: /mnt/bucket/backups");
        to.filter(t -> !Path.of(t).isAbsolute()).ifPresent(t -> section.problem("to", "\"" + t
                + "\" is not an absolute path; write the directory's full path, e.g. /mnt/bucket/backups"));
        Duration every = section.duration("every", false).orElse(Duration.ZERO);
        boolean onStop = section.bool("on_stop", true);
        RestoreMode restore = section.text("restore").flatMap(text -> restore(text, section.pathOf("restore")))
                .orElse(RestoreMode.AUTO);
        int keep = section.integer("keep", 1, 1000).orElse(BackupSpec.DEFAULT_KEEP);
        Duration timeout = section.duration("timeout", false).orElse(BackupSpec.DEFAULT_TIMEOUT);
        section.rejectUnknown();
        if (database.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        BackupSpec spec = new BackupSpec(name, database.get(), Path.of(to.get()), every, onStop, restore, keep, timeout);
        if (restore != RestoreMode.NEVER && schemaStepOf(spec, services).isEmpty()) {
            section.problem("restore", restore.yamlName() + " needs a kind: schema step on " + spec.database().describe()
                    + " (the restore runs inside its advisory lock, before it decides); add one, or write restore: never");
        }
        return Optional.of(spec);
    }

    private Optional<RestoreMode> restore(String text, String path) {
        try {
            return Optional.of(RestoreMode.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.add(path, "\"" + text + "\" is not a restore mode; write auto, required or never");
            return Optional.empty();
        }
    }

    /** The name of the schema step on the backup's database, if there is one. */
    static Optional<String> schemaStepOf(BackupSpec backup, Map<String, ServiceSpec> services) {
        return services.values().stream().filter(s -> s.schema() != null && backup.sameDatabase(s.schema().database()))
                .map(ServiceSpec::name).findFirst();
    }

    /** {@code grace:} as a duration (a bare number is seconds), or null when absent or empty. */
    Duration grace(Section root) {
        Optional<JsonNode> value = root.value("grace");
        if (value.isEmpty() || value.get().isNull() || value.get().asText().isBlank()) {
            return null;
        }
        return root.duration("grace", true).orElse(null);
    }
}
