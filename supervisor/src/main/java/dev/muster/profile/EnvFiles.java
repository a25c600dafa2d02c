package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code env_file:}, a list of dotenv files ({@link DotenvParser}) read in order before
 * {@code env:}, each entry seeing the variables before it. A missing file is a problem unless its
 * path starts with {@code ?} (optional). A file over {@value #MAX_BYTES} bytes is refused. A
 * malformed line is reported at its own file and line.
 */
final class EnvFiles {
    static final int MAX_BYTES = 1024 * 1024;

    private final ProblemCollector problems;

    EnvFiles(ProblemCollector problems) {
        this.problems = problems;
    }

    /** The variables of every file, in order; each is also added to {@code variables}. */
    Map<String, String> read(JsonNode list, Map<String, String> variables) {
        Map<String, String> read = new LinkedHashMap<>();
        if (list.isMissingNode() || list.isNull()) {
            return read;
        }
        if (!list.isArray()) {
            problems.add("env_file", "is " + Scalars.show(list) + ", but must be a list of files; write"
                    + " env_file: [/app/.env, \"?/app/.env.local\"]");
            return read;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = LocationIndex.element("env_file", i);
            JsonNode item = list.get(i);
            if (!item.isTextual() || item.textValue().isBlank()) {
                problems.add(path, "is " + Scalars.show(item) + ", but must be a file path; write /app/.env, or"
                        + " \"?/app/.env.local\" for an optional one");
                continue;
            }
            String text = item.textValue().strip();
            boolean optional = text.startsWith("?");
            Path file = Path.of(optional ? text.substring(1) : text);
            readFile(file, optional, path, variables, read);
        }
        return read;
    }

    private void readFile(Path file, boolean optional, String path, Map<String, String> variables,
                          Map<String, String> read) {
        if (!Files.exists(file)) {
            if (!optional) {
                problems.add(path, file + " does not exist; create it, or write \"?" + file + "\" to make it optional");
            }
            return;
        }
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                problems.add(path, file + " is over 1 MiB; an env file holds KEY=value lines, so point at the right file");
                return;
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(path, file + " cannot be read (" + e.getClass().getSimpleName() + "); make it readable by"
                    + " muster's user");
            return;
        }
        DotenvParser.Result result = DotenvParser.parse(text);
        result.malformed().forEach(bad -> problems.add(new SourceLocation(file, bad.line()), path,
                "line " + bad.line() + " " + bad.reason()));
        for (DotenvParser.Entry entry : result.entries()) {
            String value = entry.interpolate()
                    ? new Interpolator(variables).interpolate(entry.value(), problem -> problems.add(
                            new SourceLocation(file, entry.line()), path, entry.name() + ": " + problem))
                    : entry.value();
            read.put(entry.name(), value);
            variables.put(entry.name(), value);
        }
    }
}
