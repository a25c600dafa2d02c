package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Binds what muster prepares before any service starts: {@code directories:} (each a path, or
 * {@code { path, owner, mode, recursive }}) and {@code files:} (each {@code { path, content | template,
 * mode, owner }}; a template is rendered by {@link Templates}). Modes are octal text such as
 * {@code "0755"} or {@code "2775"}; an unquoted {@code 0755} is kept as written by the reader, and a
 * plain {@code 755} is read as octal too.
 */
final class PreparationBinder {
    private final ProblemCollector problems;
    private final Scalars scalars;

    PreparationBinder(ProblemCollector problems) {
        this.problems = problems;
        this.scalars = new Scalars(problems);
    }

    List<DirectorySpec> directories(Section root) {
        return items(root, "directories", (item, path) -> {
            if (item.isTextual()) {
                return Optional.of(new DirectorySpec(Path.of(item.textValue()), null, null));
            }
            return Section.sectionOf(item, path, problems).flatMap(section -> {
                Optional<String> dir = section.required("path", "/data/app");
                String owner = owner(section);
                FileMode mode = mode(section);
                boolean recursive = section.bool("recursive", false);
                if (recursive && owner == null && mode == null) {
                    section.problem("recursive", "has nothing to apply; add owner: or mode:, or remove recursive:");
                }
                section.rejectUnknown();
                return dir.map(d -> new DirectorySpec(Path.of(d), owner, mode, recursive));
            });
        });
    }

    /** @param variables what the profile's top level sees, for rendering templates */
    List<FileSpec> files(Section root, Map<String, String> variables) {
        Templates templates = new Templates(problems, variables);
        return items(root, "files", (item, path) -> Section.sectionOf(item, path, problems).flatMap(section -> {
            Optional<String> file = section.required("path", "/app/.env");
            Optional<String> template = section.text("template");
            Optional<String> content = template.isPresent() ? Optional.empty() : section.text("content");
            if (template.isPresent() && section.value("content").isPresent()) {
                section.problem("content", "is given together with template; keep one of them");
            } else if (template.isEmpty() && content.isEmpty()) {
                problems.add(section.path(), section.pathOf("content"), "missing; add content: \"KEY=value\\n\" or"
                        + " template: /app/config.tmpl");
            }
            FileMode mode = mode(section);
            String owner = owner(section);
            section.rejectUnknown();
            if (template.isPresent()) {
                Path source = Path.of(template.get());
                return file.map(f -> new FileSpec(Path.of(f), templates.render(source, section.pathOf("template")),
                        mode, owner, source));
            }
            return file.flatMap(f -> content.map(c -> new FileSpec(Path.of(f), c, mode, owner)));
        }));
    }

    private <T> List<T> items(Section root, String key, BiFunction<JsonNode, String, Optional<T>> binder) {
        List<T> bound = new ArrayList<>();
        root.value(key).flatMap(value -> scalars.list(value, root.pathOf(key))).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                binder.apply(items.get(i), LocationIndex.element(root.pathOf(key), i)).ifPresent(bound::add);
            }
        });
        return bound;
    }

    private String owner(Section section) {
        return section.value("owner").flatMap(v -> scalars.user(v, section.pathOf("owner"))).orElse(null);
    }

    private FileMode mode(Section section) {
        Optional<JsonNode> value = section.value("mode");
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get().asText().strip();
        text = text.startsWith("0o") ? text.substring(2) : text;
        if (value.get().isValueNode() && FileMode.isOctal(text)) {
            return FileMode.parse(text);
        }
        problems.add(section.pathOf("mode"), Scalars.show(value.get()) + " is not a file mode; write three or four"
                + " octal digits in quotes, like mode: \"0755\" or \"2775\" (setgid)");
        return null;
    }
}
