package dev.muster.backup;

import dev.muster.MusterException;
import dev.muster.database.PgConnector;
import dev.muster.profile.BackupSpec;
import dev.muster.profile.DatabaseSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Writes one dump so that it is complete or absent: {@code pg_dump -Fc} and {@code pg_dumpall --roles-only}
 * into temporary names beside the final ones, {@code pg_restore --list} on the result, fsync, rename,
 * fsync the directory, read back size and SHA-256 from the final names, then the manifest the same way
 * (its rename is the commit point), and only then prune. Anything that fails removes this attempt's own
 * files and leaves every earlier dump untouched. An empty database is not dumped: such a dump would
 * become "the newest" and could replace the data on the next fresh disk.
 */
final class DumpWriter {
    private final PgConnector connector;
    private final PgTools tools;
    private final Clock clock;
    private final String host;
    private final RandomGenerator random;
    private final ToolRun tool;

    DumpWriter(PgConnector connector, PgTools tools, ToolRun tool, Clock clock, String host, RandomGenerator random) {
        this.tool = tool;
        this.connector = connector;
        this.tools = tools;
        this.clock = clock;
        this.host = host;
        this.random = random;
    }

    DumpOutcome dump(BackupSpec spec, DumpOutcome.Trigger trigger) {
        Instant start = clock.instant();
        DumpName name = DumpName.create(spec.name(), start, host, random);
        try {
            DatabaseFacts facts = DatabaseFacts.read(connector, spec.database());
            if (facts.tables().isEmpty()) {
                return outcome(spec, trigger, DumpOutcome.Result.SKIPPED, start, null, 0, "database "
                        + spec.database().name() + " has no tables; nothing to back up (an empty dump would become the"
                        + " newest and replace the data on the next fresh disk)");
            }
            Files.createDirectories(spec.to());
            Manifest manifest = write(spec, name, facts, start);
            String pruned = new DumpPruner(spec, clock).prune();
            return outcome(spec, trigger, DumpOutcome.Result.WRITTEN, start, manifest.dump().file(),
                    manifest.dump().size(), pruned);
        } catch (SQLException e) {
            cleanUp(spec.to(), name);
            return failed(spec, trigger, start, "cannot connect to " + spec.database().describe() + ": " + e.getMessage());
        } catch (IOException | MusterException e) {
            cleanUp(spec.to(), name);
            return failed(spec, trigger, start, e.getMessage());
        }
    }

    /** Ends a running dump (muster is stopping); it then fails and removes its own files. */
    void cancel() {
        tool.cancel();
    }

    /** What is left of the dump's {@code timeout}: the three tools share it. */
    private Duration left(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Manifest write(BackupSpec spec, DumpName name, DatabaseFacts facts, Instant start) throws IOException {
        Path dir = spec.to();
        DatabaseSpec db = spec.database();
        Path dumpTemp = DurableFiles.temporary(name.dump(dir));
        Path rolesTemp = DurableFiles.temporary(name.roles(dir));
        List<String> dump = new ArrayList<>(List.of(tools.find("pg_dump").toString(), "-Fc", "-f", dumpTemp.toString()));
        dump.addAll(ToolRun.connection(db));
        dump.addAll(List.of("-d", db.name()));
        Instant deadline = start.plus(spec.timeout());
        require(tool.run(dump, db, left(deadline)), "pg_dump of " + db.describe());
        List<String> roles = new ArrayList<>(List.of(tools.find("pg_dumpall").toString(), "--roles-only", "-f",
                rolesTemp.toString()));
        roles.addAll(ToolRun.connection(db));
        roles.addAll(List.of("-l", db.name()));
        require(tool.run(roles, db, left(deadline)), "pg_dumpall --roles-only (the roles a restore needs)");
        require(tool.run(List.of(tools.find("pg_restore").toString(), "--list", dumpTemp.toString()), null,
                left(deadline)), "verifying the dump with pg_restore --list");
        Manifest.Part dumpPart = commit(dumpTemp, name.dump(dir));
        Manifest.Part rolesPart = commit(rolesTemp, name.roles(dir));
        Manifest manifest = new Manifest(db.name(), facts.serverVersion(), start.toString(), host,
                Duration.between(start, clock.instant()).toMillis(), dumpPart, rolesPart, facts.tables().size());
        DurableFiles.write(name.manifest(dir), manifest.toJson());
        Manifest readBack = Manifest.fromJson(Files.readAllBytes(name.manifest(dir)));
        if (!readBack.equals(manifest)) {
            throw new IOException("the manifest read back from " + dir + " differs from the one written; the"
                    + " directory does not return what was written to it (an eventually consistent mount?)");
        }
        return manifest;
    }

    /** Renames {@code temp} to {@code target} durably and proves that the final name has the same bytes. */
    private static Manifest.Part commit(Path temp, Path target) throws IOException {
        long size = Files.size(temp);
        String sha = DurableFiles.sha256(temp);
        DurableFiles.commit(temp, target);
        long readSize = Files.size(target);
        String readSha = DurableFiles.sha256(target);
        if (readSize != size || !readSha.equals(sha)) {
            throw new IOException(target + " read back as " + readSize + " bytes, sha256 " + readSha.substring(0, 12)
                    + ", but " + size + " bytes, sha256 " + sha.substring(0, 12) + " were written; the directory does"
                    + " not return what was written to it");
        }
        return new Manifest.Part(target.getFileName().toString(), size, sha);
    }

    private static void require(ToolRun.Result result, String what) throws IOException {
        if (!result.ok()) {
            throw new IOException(what + " failed (exit " + result.exitCode() + "): " + result.lastLine());
        }
    }

    private static void cleanUp(Path dir, DumpName name) {
        for (Path file : List.of(name.manifest(dir), name.dump(dir), name.roles(dir),
                DurableFiles.temporary(name.manifest(dir)), DurableFiles.temporary(name.dump(dir)),
                DurableFiles.temporary(name.roles(dir)))) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Left behind: it has no manifest, so it is never taken for a dump, and pruning removes it later.
            }
        }
    }

    private DumpOutcome failed(BackupSpec spec, DumpOutcome.Trigger trigger, Instant start, String why) {
        return outcome(spec, trigger, DumpOutcome.Result.FAILED, start, null, 0, why + "; the previous dumps in "
                + spec.to() + " are untouched");
    }

    private DumpOutcome outcome(BackupSpec spec, DumpOutcome.Trigger trigger, DumpOutcome.Result result, Instant start,
                                String file, long size, String detail) {
        return new DumpOutcome(spec.name(), trigger, result, start, Duration.between(start, clock.instant()), file, size,
                detail);
    }
}
