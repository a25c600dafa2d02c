package dev.muster.profile;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of a container service's {@code volumes:}, in Docker's syntax {@code SOURCE:TARGET[:ro|rw]}:
 * a named volume ({@code pgdata:/var/lib/postgresql/data}) or a bind mount of a host path
 * ({@code ./init:/docker-entrypoint-initdb.d:ro}; a relative path is resolved against muster's
 * working directory).
 *
 * @param source   a volume name, or a host path (absolute, or starting with {@code ./} or {@code ../})
 * @param target   the absolute path inside the container
 * @param readOnly whether it is mounted read-only ({@code :ro})
 */
public record VolumeMount(String source, String target, boolean readOnly) {
    private static final Pattern VOLUME_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    /** Parses one entry; empty when it is not {@code SOURCE:TARGET[:ro|rw]} with an absolute target. */
    public static Optional<VolumeMount> parse(String text) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || !parts[1].startsWith("/")) {
            return Optional.empty();
        }
        if (parts.length == 3 && !parts[2].equals("ro") && !parts[2].equals("rw")) {
            return Optional.empty();
        }
        VolumeMount mount = new VolumeMount(parts[0], parts[1], parts.length == 3 && parts[2].equals("ro"));
        return mount.isBind() || VOLUME_NAME.matcher(parts[0]).matches() ? Optional.of(mount) : Optional.empty();
    }

    /** Whether the source is a host path (a bind mount) rather than a named volume. */
    public boolean isBind() {
        return source.startsWith("/") || source.startsWith("./") || source.startsWith("../")
                || source.equals(".") || source.equals("..") || source.startsWith("~");
    }
}
