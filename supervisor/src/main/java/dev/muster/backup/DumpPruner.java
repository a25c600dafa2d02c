package dev.muster.backup;

import dev.muster.profile.BackupSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prunes a backup directory to {@code keep} dumps with a manifest, run only right after a new dump was
 * verified and read back, so the newest good dump is never removed before a newer one exists. Files of
 * an unfinished dump (no manifest) and temporary files are removed only when they are older than the
 * newest complete dump and older than twice the dump timeout: a second writer (an overlapping
 * redeploy) may still be writing them.
 */
final class DumpPruner {
    private final BackupSpec spec;
    private final Clock clock;

    DumpPruner(BackupSpec spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
    }

    /** Removes what is beyond {@code keep}; returns what it did, in words ("" when nothing). */
    String prune() throws IOException {
        List<DumpSet> sets = new DumpCatalog(spec.name(), spec.to()).sets();
        Instant settled = clock.instant().minus(spec.timeout().multipliedBy(2));
        int complete = 0;
        Instant newestComplete = null;
        List<DumpSet> removed = new ArrayList<>();
        for (DumpSet set : sets) {
            boolean hasManifest = DumpCatalog.manifest(set).isPresent();
            if (hasManifest && ++complete <= spec.keep()) {
                newestComplete = newestComplete == null ? set.name().time() : newestComplete;
                continue;
            }
            boolean stale = newestComplete != null && set.name().time().isBefore(newestComplete)
                    && set.name().time().isBefore(settled);
            if (hasManifest || stale) {
                remove(set);
                removed.add(set);
            }
        }
        int temporary = removeStaleTemporaries(settled);
        if (removed.isEmpty() && temporary == 0) {
            return "";
        }
        return "pruned " + removed.size() + " older dump(s)" + (temporary == 0 ? "" : " and " + temporary
                + " abandoned temporary file(s)") + "; keeping " + Math.min(complete, spec.keep());
    }

    /** The manifest goes first, so a half-removed dump is never taken for a valid one. */
    private static void remove(DumpSet set) throws IOException {
        Files.deleteIfExists(set.manifest());
        Files.deleteIfExists(set.dump());
        Files.deleteIfExists(set.roles());
    }

    private int removeStaleTemporaries(Instant settled) throws IOException {
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(spec.to())) {
            files.filter(f -> f.getFileName().toString().startsWith("." + spec.name() + "-")
                            && f.getFileName().toString().endsWith(".tmp"))
                    .filter(f -> modified(f).isBefore(settled)).forEach(stale::add);
        }
        for (Path file : stale) {
            Files.deleteIfExists(file);
        }
        return stale.size();
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }

}
