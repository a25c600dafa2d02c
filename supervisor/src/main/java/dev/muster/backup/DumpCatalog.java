package dev.muster.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The dumps of one backup in its directory, newest first, and the one proof of validity: the manifest
 * parses, every file it names has the recorded size and SHA-256, and {@code pg_restore --list} reads the
 * dump's table of contents. Temporary files (hidden {@code .NAME.tmp}) are never dumps.
 */
final class DumpCatalog {
    private static final Duration LIST_TIMEOUT = Duration.ofMinutes(2);

    private final String backup;
    private final Path directory;

    DumpCatalog(String backup, Path directory) {
        this.backup = backup;
        this.directory = directory;
    }

    /** Every dump name with at least one file, newest first; empty when the directory does not exist. */
    List<DumpSet> sets() throws IOException {
        TreeSet<DumpName> names = new TreeSet<>(Comparator.reverseOrder());
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(file -> DumpName.parse(backup, file).ifPresent(names::add));
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<DumpSet> sets = new ArrayList<>();
        names.forEach(name -> sets.add(new DumpSet(name, directory)));
        return sets;
    }

    /** The manifest of {@code set}, or empty when it is missing or cannot be parsed. */
    static Optional<Manifest> manifest(DumpSet set) {
        try {
            return Optional.of(Manifest.fromJson(Files.readAllBytes(set.manifest())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Checks one dump completely (reads every byte, runs pg_restore --list). */
    static DumpCheck check(DumpSet set, Path pgRestore, ToolRun tool) {
        if (!Files.exists(set.manifest())) {
            return new DumpCheck(set, null, "it has no manifest (its writer was stopped before it finished)");
        }
        Optional<Manifest> manifest = manifest(set);
        if (manifest.isEmpty()) {
            return new DumpCheck(set, null, "its manifest " + set.manifest().getFileName() + " cannot be read");
        }
        try {
            for (Manifest.Part part : List.of(manifest.get().dump(), manifest.get().roles())) {
                String problem = mismatch(set.directory().resolve(part.file()), part);
                if (problem != null) {
                    return new DumpCheck(set, manifest.get(), problem);
                }
            }
            ToolRun.Result list = tool.run(List.of(pgRestore.toString(), "--list", set.dump().toString()),
                    null, LIST_TIMEOUT);
            if (!list.ok()) {
                return new DumpCheck(set, manifest.get(), "pg_restore --list cannot read it: " + list.lastLine());
            }
        } catch (IOException e) {
            return new DumpCheck(set, manifest.get(), "it cannot be read: " + e.getMessage());
        }
        return new DumpCheck(set, manifest.get(), null);
    }

    private static String mismatch(Path file, Manifest.Part part) throws IOException {
        if (!Files.exists(file)) {
            return file.getFileName() + " is missing";
        }
        long size = Files.size(file);
        if (size != part.size()) {
            return file.getFileName() + " has " + size + " bytes, its manifest says " + part.size();
        }
        String sha = DurableFiles.sha256(file);
        if (!sha.equals(part.sha256())) {
            return file.getFileName() + " has sha256 " + sha.substring(0, 12) + ", its manifest says "
                    + part.sha256().substring(0, Math.min(12, part.sha256().length()));
        }
        return null;
    }
}
