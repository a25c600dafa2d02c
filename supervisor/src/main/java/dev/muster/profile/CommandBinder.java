package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds a command: an argument list of single values (numbers become text), never a shell
 * string unless {@code shell: true}, in which case it is one string or a one-element list.
 */
final class CommandBinder {
    private final Scalars scalars;

    CommandBinder(Scalars scalars) {
        this.scalars = scalars;
    }

    /** The command under {@code key} of {@code section}, which is required; empty list when invalid. */
    List<String> bind(Section section, String key, boolean shell) {
        if (!section.require(key, "[program, argument]")) {
            return List.of();
        }
        return bind(section.value(key).orElseThrow(), section.pathOf(key), shell).orElse(List.of());
    }

    /** The command {@code value} at {@code path}; problems are reported. */
    Optional<List<String>> bind(JsonNode value, String path, boolean shell) {
        if (value.isValueNode()) {
            if (!shell) {
                scalars.problems().add(path, "is a string; write it as a list [prog, arg] or set shell: true");
                return Optional.empty();
            }
            return scalars.text(value, path).flatMap(line -> nonBlank(List.of(line), path));
        }
        Optional<List<JsonNode>> items = scalars.list(value, path);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            scalars.text(items.get().get(i), LocationIndex.element(path, i)).ifPresent(command::add);
        }
        if (shell && command.size() > 1) {
            scalars.problems().add(path, "with shell: true the command is one shell line; write it as one string,"
                    + " such as \"exec prog arg >> out.log\", or remove shell: true");
            return Optional.empty();
        }
        return nonBlank(command, path);
    }

    private Optional<List<String>> nonBlank(List<String> command, String path) {
        if (command.isEmpty() || command.get(0).isBlank()) {
            scalars.problems().add(path, "is empty; write the program and its arguments, such as [program, argument]");
            return Optional.empty();
        }
        return Optional.of(command);
    }
}
