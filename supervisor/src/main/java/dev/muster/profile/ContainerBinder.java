package dev.muster.profile;

import java.util.List;
import java.util.Optional;

/**
 * Binds the container keys of a service ({@code image}, {@code ports}, {@code volumes}) into a
 * {@link ContainerSpec}. Without {@code image} the service is a local process and the other two
 * are errors; {@code user} and {@code cwd} belong to the image then.
 */
final class ContainerBinder {
    private final ProblemCollector problems;

    ContainerBinder(ProblemCollector problems) {
        this.problems = problems;
    }

    /** Whether the entry declares an image: then {@code command} is optional (the image's default). */
    static boolean declaresImage(Section section) {
        return section.value("image").isPresent();
    }

    /** The container spec, or null for a local process; problems are reported. */
    ContainerSpec bind(Section section, Kind kind) {
        Optional<String> image = section.text("image");
        List<String> ports = section.texts("ports");
        List<String> volumes = section.texts("volumes");
        if (image.isEmpty()) {
            for (String key : List.of("ports", "volumes")) {
                if (section.value(key).isPresent()) {
                    section.problem(key, "only a container service has " + key + "; add image: (e.g. redis:7) or remove " + key);
                }
            }
            return null;
        }
        if (image.get().isBlank() || image.get().chars().anyMatch(Character::isWhitespace)) {
            section.problem("image", "\"" + image.get() + "\" is not an image reference; write it like redis:7 or local/app:dev");
        }
        if (kind.inProcess()) {
            section.problem("image", "a kind: " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " step is run by muster itself and has no image; remove image:");
        }
        for (String key : List.of("user", "cwd")) {
            if (section.value(key).isPresent()) {
                section.problem(key, "a container service runs as the image's " + (key.equals("user") ? "USER" : "WORKDIR")
                        + "; set it in the image, or remove " + key + ":");
            }
        }
        checkEach(section, "ports", ports, true,
                "is not a port mapping; write it like \"6379\", \"16379:6379\" or \"127.0.0.1:16379:6379\"");
        checkEach(section, "volumes", volumes, false,
                "is not a mount; write it like \"pgdata:/var/lib/postgresql/data\" (a named volume) or \"./init:/init:ro\" (a host path)");
        return new ContainerSpec(image.get().trim(), ports, volumes);
    }

    private void checkEach(Section section, String key, List<String> values, boolean ports, String message) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            boolean valid = ports ? PublishedPort.parse(value).isPresent() : VolumeMount.parse(value).isPresent();
            if (!valid) {
                problems.add(LocationIndex.element(section.pathOf(key), i), "\"" + value + "\" " + message);
            }
        }
    }
}
