package dev.muster.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders {@code files[].template}: the template file's text with the same interpolation as the
 * profile's top level ({@code ${V}}, defaults, {@code $$}). A template over {@value #MAX_BYTES} bytes
 * is a profile problem; one that does not exist renders as empty here and is reported by preflight
 * (it may be created by the image build after the profile was written, but must exist at boot).
 */
final class Templates {
    static final int MAX_BYTES = 1024 * 1024;

    private final ProblemCollector problems;
    private final Map<String, String> variables;

    Templates(ProblemCollector problems, Map<String, String> variables) {
        this.problems = problems;
        this.variables = variables;
    }

    String render(Path template, String path) {
        if (!Files.isRegularFile(template)) {
            return "";
        }
        String text;
        try {
            if (Files.size(template) > MAX_BYTES) {
                problems.add(path, template + " is over 1 MiB; a template is a configuration file, so point at the"
                        + " right file or write the file in the image instead");
                return "";
            }
            text = Files.readString(template, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(path, template + " cannot be read (" + e.getClass().getSimpleName() + "); make it readable"
                    + " by muster's user");
            return "";
        }
        return new Interpolator(variables).interpolate(text, problem -> problems.add(path, template + ": " + problem));
    }
}
