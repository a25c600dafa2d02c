package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the {@code -p} files and, recursively, the files they {@code extends}, in merge order:
 * each base before the file that names it, and the {@code -p} files in command-line order.
 * An {@code extends} path is relative to the file that names it. The {@code extends} key is
 * removed from every tree. A chain is followed in a loop, not by recursion, and is at most
 * {@link ProfileLimits#MAX_EXTENDS_DEPTH} files long; a cycle, a directory or a missing base is
 * a problem at the {@code extends} key.
 */
final class SourceReader {
    private final YamlReader reader = new YamlReader();
    private final ProblemCollector problems;

    SourceReader(ProblemCollector problems) {
        this.problems = problems;
    }

    /** Every document to merge, base first; problems go to the collector. */
    List<YamlDocument> read(List<Path> files) {
        List<YamlDocument> documents = new ArrayList<>();
        for (Path file : files) {
            collect(file, documents);
        }
        return documents;
    }

    /** Reads {@code file} and its chain of bases, then adds them to {@code out} base first. */
    private void collect(Path file, List<YamlDocument> out) {
        List<Path> chain = new ArrayList<>();
        List<YamlDocument> read = new ArrayList<>();
        Optional<Path> next = Optional.of(file);
        while (next.isPresent()) {
            Path current = next.get();
            chain.add(current.normalize());
            Optional<YamlDocument> document = reader.read(current, problems);
            if (document.isEmpty()) {
                break;
            }
            read.add(document.get());
            JsonNode extendsNode = document.get().root().remove("extends");
            next = extendsNode == null || extendsNode.isNull() ? Optional.empty()
                    : base(current, extendsNode, document.get().locations().locate("extends"), chain);
        }
        for (int i = read.size() - 1; i >= 0; i--) {
            out.add(read.get(i));
        }
    }

    /** The base {@code file} extends, or empty after reporting why it cannot be followed. */
    private Optional<Path> base(Path file, JsonNode extendsNode, SourceLocation at, List<Path> chain) {
        if (!extendsNode.isTextual() || extendsNode.textValue().isBlank()) {
            problems.add(at, "extends", "must be one file name such as base.yaml; write extends: base.yaml");
            return Optional.empty();
        }
        Path base = resolve(file, extendsNode.textValue());
        if (chain.contains(base)) {
            String cycle = chain.subList(chain.indexOf(base), chain.size()).stream()
                    .map(Path::toString).collect(Collectors.joining(" -> "));
            problems.add(at, "extends", "cycle " + cycle + " -> " + base + "; remove one of these extends");
        } else if (chain.size() >= ProfileLimits.MAX_EXTENDS_DEPTH) {
            problems.add(at, "extends", "the extends chain from " + chain.get(0) + " is longer than "
                    + ProfileLimits.MAX_EXTENDS_DEPTH + " files; merge some of the bases into one file");
        } else if (Files.isDirectory(base)) {
            problems.add(at, "extends", base + " is a directory; extends names one file such as base.yaml"
                    + " (relative to " + file + ")");
        } else if (!Files.exists(base)) {
            problems.add(at, "extends", base + " does not exist; fix the path (it is relative to " + file + ")");
        } else {
            return Optional.of(base);
        }
        return Optional.empty();
    }

    private static Path resolve(Path file, String name) {
        Path parent = file.getParent();
        return (parent == null ? Path.of(name) : parent.resolve(name)).normalize();
    }
}
