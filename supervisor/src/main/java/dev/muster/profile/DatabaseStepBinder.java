package dev.muster.profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds the settings of the database steps muster runs itself: {@code kind: schema}
 * ({@code database:} or {@code url:}, {@code schemas:} default [public], {@code apply:}) and
 * {@code kind: migrations} ({@code database:} or {@code url:}, {@code schemas:}, {@code directory:},
 * {@code baseline_version:} default "1"). Neither has a command, user, cwd, ready or stop.
 */
final class DatabaseStepBinder {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");
    private static final List<String> PROCESS_KEYS = List.of("command", "shell", "user", "cwd", "ready", "stop");

    private final ProblemCollector problems;
    private final DatabaseBinder databases;

    DatabaseStepBinder(ProblemCollector problems) {
        this.problems = problems;
        this.databases = new DatabaseBinder(problems);
    }

    SchemaSpec schema(Section step) {
        Optional<DatabaseSpec> database = databases.step(step);
        List<String> schemas = schemas(step);
        Optional<String> apply = step.required("apply", "/app/backend/database_schema.sql");
        if (database.isEmpty() || apply.isEmpty() || schemas.isEmpty()) {
            return null;
        }
        return new SchemaSpec(database.get(), schemas, Path.of(apply.get()));
    }

    MigrationsSpec migrations(Section step) {
        Optional<DatabaseSpec> database = databases.step(step);
        List<String> schemas = schemas(step);
        Optional<String> directory = step.required("directory", "db/migrations");
        String baseline = step.text("baseline_version").orElse(null);
        if (database.isEmpty() || directory.isEmpty() || schemas.isEmpty()) {
            return null;
        }
        return new MigrationsSpec(database.get(), schemas, Path.of(directory.get()), baseline);
    }

    /**
     * For an in-process kind: the process keys do not apply. (Other kinds do not read the step keys,
     * so the unknown-key check reports them there.)
     */
    void rejectMisplaced(Section entry, Kind kind) {
        if (!kind.inProcess()) {
            return;
        }
        for (String key : PROCESS_KEYS) {
            if (entry.value(key).isPresent()) {
                entry.problem(key, "a kind: " + kind.yamlName() + " step is run by muster itself and has no " + key
                        + "; remove it");
            }
        }
    }

    private List<String> schemas(Section step) {
        if (step.value("schemas").isEmpty()) {
            return List.of("public");
        }
        List<String> schemas = step.texts("schemas");
        for (int i = 0; i < schemas.size(); i++) {
            String schema = schemas.get(i);
            String path = LocationIndex.element(step.pathOf("schemas"), i);
            if (!IDENTIFIER.matcher(schema).matches()) {
                problems.add(path, "\"" + schema + "\" is not a plain schema name; use lower-case letters, digits and _");
                return List.of();
            }
            if (schema.equals(SchemaSpec.MUSTER_SCHEMA)) {
                problems.add(path, "\"muster\" is muster's own schema (its history); list your application's schemas");
                return List.of();
            }
        }
        if (schemas.isEmpty()) {
            step.problem("schemas", "is empty; list the schemas the bootstrap file creates tables in, such as [public]");
        }
        return List.copyOf(new java.util.LinkedHashSet<>(schemas));
    }
}
