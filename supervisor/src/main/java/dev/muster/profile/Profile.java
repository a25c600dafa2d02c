package dev.muster.profile;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated, merged and interpolated profile: everything {@code muster up} needs to prepare
 * and supervise one stack. Maps keep the order in which the profile declares their keys.
 *
 * @param name        the stack's name ({@code name:}, default: the file name without extension)
 * @param sources     the files this profile was read from, the last one winning
 * @param env         variables shared by every service, already interpolated
 * @param secrets     generated secrets by variable name
 * @param directories directories created before any service starts
 * @param files       files rendered before any service starts
 * @param preflight   checks made before anything is changed
 * @param services    services and tasks by name, in declaration order
 * @param control     the control plane settings
 * @param backups     PostgreSQL dumps by name ({@code backups:}), in declaration order
 * @param grace       the seconds the platform gives between SIGTERM and SIGKILL ({@code grace:}); null when
 *                    not set, then muster uses what it knows of the platform
 */
public record Profile(
        String name,
        List<Path> sources,
        Map<String, String> env,
        Map<String, SecretSpec> secrets,
        List<DirectorySpec> directories,
        List<FileSpec> files,
        PreflightSpec preflight,
        Map<String, ServiceSpec> services,
        ControlSpec control,
        Map<String, BackupSpec> backups,
        java.time.Duration grace) {

    public Profile {
        Objects.requireNonNull(name, "name");
        sources = List.copyOf(sources);
        env = ordered(env);
        secrets = ordered(secrets);
        directories = List.copyOf(directories);
        files = List.copyOf(files);
        Objects.requireNonNull(preflight, "preflight");
        services = ordered(services);
        Objects.requireNonNull(control, "control");
        backups = ordered(backups);
    }

    /** The profile file named first on the command line. */
    public Path source() {
        return sources.get(0);
    }

    static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
