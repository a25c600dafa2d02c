package dev.muster.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How an exported stack runs muster in each container.
 *
 * @param image        the one image every container runs (it has muster, the services' programs and the profile)
 * @param profilePaths where the profile (and its overlays) are inside the image, passed as {@code -p}
 * @param environment  variables set in every container (also used to interpolate the profile at export)
 * @param entrypoint   muster inside the image, for health checks and probes (default /opt/muster/entrypoint)
 */
public record ExportSettings(String image, List<String> profilePaths, Map<String, String> environment, String entrypoint) {
    public static final String ENTRYPOINT = "/opt/muster/entrypoint";

    public ExportSettings {
        Objects.requireNonNull(image, "image");
        profilePaths = List.copyOf(profilePaths);
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        Objects.requireNonNull(entrypoint, "entrypoint");
    }

    /** {@code [-p, /app/profiles/demo.yaml, ...]}. */
    public List<String> profileArgs() {
        List<String> args = new java.util.ArrayList<>();
        profilePaths.forEach(path -> {
            args.add("-p");
            args.add(path);
        });
        return args;
    }

    /** The arguments of muster (after the image's entrypoint) that run {@code names} in one container. */
    public List<String> upOnly(List<String> names) {
        List<String> args = new java.util.ArrayList<>(List.of("up"));
        args.addAll(profileArgs());
        args.add("--only");
        args.add(String.join(",", names));
        return args;
    }

    /** {@code [/opt/muster/entrypoint, probe, NAME, -p, ...]} plus {@code extra}: a health check's command. */
    public List<String> probe(String name, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(entrypoint));
        args.addAll(probeArgs(name, extra));
        return args;
    }

    /** {@code [probe, NAME, -p, ...]} plus {@code extra}: muster's arguments after the image's entrypoint. */
    public List<String> probeArgs(String name, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("probe", name));
        args.addAll(profileArgs());
        args.addAll(List.of(extra));
        return args;
    }
}
