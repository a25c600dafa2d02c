package dev.muster.backup;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.database.PgConnector;
import dev.muster.profile.BackupSpec;
import dev.muster.profile.RestoreMode;
import dev.muster.profile.SchemaSpec;
import dev.muster.schema.EmptyDatabaseRestore;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Restores a fresh database from the newest valid dump of its backup, for the schema guard, under its
 * lock. The choice, as documented in the README: the newest dump that passes {@link DumpCatalog#check}
 * wins; newer ones that fail are reported and skipped (a dump a writer was killed in, a damaged file),
 * so one bad file does not stop a boot while an older good dump exists. When dump files exist but none
 * is valid, the boot is refused in every mode: starting from the bootstrap file would hide the data
 * the dumps were meant to keep. Only a directory with no dump at all counts as a first boot
 * ({@code auto}) — {@code required} refuses that too. The restore is {@code pg_restore
 * --single-transaction --exit-on-error}: all of it, or nothing.
 */
final class DumpRestorer implements EmptyDatabaseRestore {
    private final Map<String, BackupSpec> backups;
    private final PgConnector connector;
    private final PgTools tools;
    private final ToolRun tool;

    DumpRestorer(Map<String, BackupSpec> backups, PgConnector connector, PgTools tools, ToolRun tool) {
        this.backups = Map.copyOf(backups);
        this.connector = connector;
        this.tools = tools;
        this.tool = tool;
    }

    @Override
    public Optional<String> restore(SchemaSpec schema, Consumer<String> log) {
        Optional<BackupSpec> backup = backups.values().stream().filter(b -> b.restore() != RestoreMode.NEVER)
                .filter(b -> b.sameDatabase(schema.database())).findFirst();
        if (backup.isEmpty()) {
            return Optional.empty();
        }
        BackupSpec spec = backup.get();
        try {
            List<DumpSet> sets = new DumpCatalog(spec.name(), spec.to()).sets();
            if (sets.isEmpty()) {
                return nothingToRestore(spec, log);
            }
            List<String> rejected = new ArrayList<>();
            for (DumpSet set : sets) {
                DumpCheck check = DumpCatalog.check(set, tools.find("pg_restore"), tool);
                if (check.valid()) {
                    rejected.forEach(r -> log.accept("WARNING: skipping dump " + r));
                    return Optional.of(restore(spec, check, rejected.size()));
                }
                rejected.add(set.name().base() + ": " + check.problem());
            }
            throw failed("backups." + spec.name() + ": database " + spec.database().name() + " is empty and none of the "
                    + sets.size() + " dump(s) in " + spec.to() + " is valid (" + String.join("; ", rejected) + ");"
                    + " refusing to boot from the bootstrap file, which would hide the data those dumps hold. Copy a"
                    + " valid dump (its .dump, .roles.sql and .manifest.json) into " + spec.to() + ", or move the"
                    + " invalid files away to start with an empty database");
        } catch (IOException | SQLException e) {
            throw failed("backups." + spec.name() + ": restoring " + spec.database().describe() + " from " + spec.to()
                    + " failed: " + e.getMessage() + "; the restore ran in one transaction and was rolled back, the"
                    + " database is still empty. Fix the cause and start again");
        }
    }

    @Override
    public void cancel() {
        tool.cancel();
    }

    private Optional<String> nothingToRestore(BackupSpec spec, Consumer<String> log) {
        if (spec.restore() == RestoreMode.REQUIRED) {
            throw failed("backups." + spec.name() + ": restore: required, but " + spec.to() + " has no dump of "
                    + spec.database().name() + " and the database is empty; refusing to boot. Mount the directory"
                    + " that holds the dumps at " + spec.to() + ", or write restore: auto to start from the"
                    + " bootstrap file");
        }
        log.accept("backups." + spec.name() + ": no dump in " + spec.to() + " yet; this is a first boot, the"
                + " schema step bootstraps the database");
        return Optional.empty();
    }

    private String restore(BackupSpec spec, DumpCheck check, int skipped) throws IOException, SQLException {
        int roles = RoleScript.apply(connector, spec.database(), check.set().roles());
        List<String> argv = new ArrayList<>(List.of(tools.find("pg_restore").toString(), "--single-transaction",
                "--exit-on-error"));
        argv.addAll(ToolRun.connection(spec.database()));
        argv.addAll(List.of("-d", spec.database().name(), check.set().dump().toString()));
        ToolRun.Result result = tool.run(argv, spec.database(), spec.timeout().multipliedBy(3));
        if (!result.ok()) {
            throw new IOException("pg_restore of " + check.set().dump().getFileName() + " failed (exit "
                    + result.exitCode() + "): " + result.lastLine());
        }
        DatabaseFacts facts = DatabaseFacts.read(connector, spec.database());
        long rows = DatabaseFacts.rows(connector, spec.database(), facts.tables());
        Manifest manifest = check.manifest();
        int tables = facts.tables().size();
        return "restored " + spec.database().name() + " from " + check.set().dump().getFileName() + " (dumped "
                + manifest.createdAt() + " on " + manifest.host() + ", PostgreSQL " + manifest.serverVersion().split(" ")[0]
                + ", " + manifest.dump().size() + " bytes): " + tables + (tables == 1 ? " table" : " tables")
                + (rows >= 0 ? ", " + rows + " rows" : "") + (roles > 0 ? ", " + roles + " roles created" : "")
                + (skipped > 0 ? "; " + skipped + " newer invalid dump(s) skipped" : "");
    }

    private static MusterException failed(String message) {
        return new MusterException(ExitCodes.SERVICE_FAILED, message);
    }

}
