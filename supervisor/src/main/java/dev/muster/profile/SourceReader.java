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
 * removed from every tree.
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
            if (!Files.exists(file)) {
                problems.add(new SourceLocation(file, 0), "", "file not found; check the -p path (relative paths start at "
                        + Path.of("").toAbsolutePath() + ")");
            } else {
                collect(file, new ArrayList<>(), documents);
            }
        }
        return documents;
    }

    private void collect(Path file, List<Path> chain, List<YamlDocument> out) {
        chain.add(file.normalize());
        Optional<YamlDocument> document = reader.read(file, problems);
        if (document.isEmpty()) {
            return;
        }
        JsonNode extendsNode = document.get().root().remove("extends");
        if (extendsNode != null && !extendsNode.isNull()) {
            SourceLocation at = document.get().locations().locate("extends");
            followExtends(file, extendsNode, at, chain, out);
        }
        out.add(document.get());
    }

    private void followExtends(Path file, JsonNode extendsNode, SourceLocation at, List<Path> chain,
            List<YamlDocument> out) {
        if (!extendsNode.isTextual() || extendsNode.textValue().isBlank()) {
            problems.add(at, "extends", "must be one file name such as base.yaml; write extends: base.yaml");
            return;
        }
        Path base = resolve(file, extendsNode.textValue());
        if (chain.contains(base)) {
            String cycle = chain.subList(chain.indexOf(base), chain.size()).stream()
                    .map(Path::toString).collect(Collectors.joining(" -> "));
            problems.add(at, "extends", "cycle " + cycle + " -> " + base + "; remove one of these extends");
        } else if (!Files.exists(base)) {
            problems.add(at, "extends", base + " does not exist; fix the path (it is relative to " + file + ")");
        } else {
            collect(base, new ArrayList<>(chain), out);
        }
    }

    private static Path resolve(Path file, String name) {
        Path parent = file.getParent();
        return (parent == null ? Path.of(name) : parent.resolve(name)).normalize();
    }
}
