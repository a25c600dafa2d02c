package dev.muster.schema;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.database.ConnectionFailure;
import dev.muster.database.PgConnector;
import dev.muster.profile.DatabaseSpec;
import dev.muster.profile.MigrationsSpec;
import dev.muster.profile.ServiceSpec;
import dev.muster.step.InProcessStep;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code kind: migrations}: runs the versioned SQL files of a directory ({@code V2__add_email.sql})
 * with Flyway. When the schemas already have tables but no Flyway history (the guard just applied a
 * bootstrap file, or the database predates muster), Flyway first records a baseline at
 * {@code baseline_version} (default 1), so only later versions run. Flyway's history table is
 * {@code flyway_schema_history} in the first listed schema; {@code clean} stays disabled.
 */
public final class MigrationsStep implements InProcessStep {
    private static final int MAX_MESSAGE_LINES = 15;

    private final PgConnector connector;

    public MigrationsStep(PgConnector connector) {
        this.connector = connector;
    }

    @Override
    public String run(ServiceSpec spec, Consumer<String> log) {
        MigrationsSpec migrations = spec.migrations();
        requireDirectory(migrations);
        DatabaseSpec database = migrations.database();
        try (Connection connection = StepConnections.open(connector, database, java.time.Duration.ZERO, "migrations")) {
            int tables = new DatabaseState(SchemaInspector.tables(connection, migrations.schemas()), null).total();
            boolean history = SchemaInspector.exists(connection, migrations.schemas().get(0) + ".flyway_schema_history");
            if (tables > 0 && !history) {
                log.accept(String.join(", ", migrations.schemas()) + " already have " + tables + " tables and no Flyway"
                        + " history: baselining at version " + migrations.baselineVersion()
                        + " (migrations up to it are taken as applied)");
            }
        } catch (SQLException e) {
            throw failed("inspecting " + database.describe() + " before migrating failed: " + e.getMessage());
        }
        try {
            MigrateResult result = flyway(migrations).migrate();
            result.migrations.forEach(m -> log.accept("applied V" + m.version + " " + m.description + " in "
                    + m.executionTime + "ms"));
            result.warnings.forEach(w -> log.accept("WARNING: " + w));
            String version = result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion;
            return (result.migrationsExecuted == 0 ? "no pending migrations in " + migrations.directory()
                    : "applied " + result.migrationsExecuted + " migrations from " + migrations.directory())
                    + "; " + database.name() + " is at version " + (version == null ? "none" : version);
        } catch (FlywayException e) {
            throw failed("migrations from " + migrations.directory() + " on " + database.describe() + " failed: "
                    + explain(e, database) + "; the failed migration was rolled back. Fix it and start again");
        }
    }

    /** What {@code up} would do, for {@code muster check}; changes nothing. */
    public StepPreview preview(MigrationsSpec migrations) {
        try {
            requireDirectory(migrations);
        } catch (MusterException e) {
            return new StepPreview(List.of(e.getMessage()), true);
        }
        try {
            StepConnections.open(connector, migrations.database(), StepPreview.TIMEOUT, "migrations").close();
            var info = flyway(migrations).info();
            String current = info.current() == null ? "no Flyway history" : "at version " + info.current().getVersion();
            return new StepPreview(List.of("would apply " + info.pending().length + " pending migrations from "
                    + migrations.directory() + " (" + migrations.database().name() + " is " + current + ")"), false);
        } catch (MusterException | FlywayException | SQLException e) {
            return new StepPreview(List.of("cannot tell yet what it will do: " + e.getMessage() + " (it decides at boot)"),
                    false);
        }
    }

    private Flyway flyway(MigrationsSpec migrations) {
        DatabaseSpec database = migrations.database();
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {database.host()});
        source.setPortNumbers(new int[] {database.port()});
        source.setDatabaseName(database.name());
        source.setUser(database.user());
        source.setPassword(database.password());
        source.setSslMode(database.sslmode());
        source.setGssEncMode("disable");
        source.setApplicationName("muster");
        source.setConnectTimeout(10);
        return Flyway.configure(MigrationsStep.class.getClassLoader())
                .dataSource(source)
                .loggers("slf4j")
                .locations("filesystem:" + migrations.directory().toAbsolutePath())
                .schemas(migrations.schemas().toArray(String[]::new))
                .baselineOnMigrate(true)
                .baselineVersion(migrations.baselineVersion())
                .baselineDescription("existing schema, baselined by muster")
                .validateMigrationNaming(true)
                .load();
    }

    private static void requireDirectory(MigrationsSpec migrations) {
        if (!Files.isDirectory(migrations.directory())) {
            throw failed("the migrations directory " + migrations.directory().toAbsolutePath() + " does not exist;"
                    + " fix directory: or put the V1__name.sql files in the image");
        }
    }

    private static String explain(FlywayException e, DatabaseSpec database) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28")
                    || sql.getSQLState().equals("3D000"))) {
                return ConnectionFailure.of(sql, database).message();
            }
        }
        String message = String.valueOf(e.getMessage()).strip();
        return message.lines().filter(l -> !l.isBlank()).limit(MAX_MESSAGE_LINES).collect(Collectors.joining(" | "));
    }

    private static MusterException failed(String message) {
        return new MusterException(ExitCodes.SERVICE_FAILED, message);
    }
}
