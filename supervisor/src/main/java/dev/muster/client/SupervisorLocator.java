package dev.muster.client;

import dev.muster.control.Json;
import dev.muster.control.StatusDocument;
import dev.muster.preflight.ControlToken;
import dev.muster.profile.ControlSpec;
import dev.muster.profile.Profile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a supervisor for the client commands: its URL from {@code MUSTER_CONTROL} (host:port or a
 * URL), else the profile's {@code control.listen} (a wildcard host means this machine; port 0 means
 * the address the boot record names), else {@value ControlSpec#DEFAULT_LISTEN}; its token from
 * {@code MUSTER_CONTROL_TOKEN}, else the profile's {@code token_env}/{@code token_file}; and its boot
 * record in the profile's run directory, or without a profile the newest record under
 * {@code /tmp/muster} written by a supervisor at that same address (never another stack's).
 */
public final class SupervisorLocator {
    private final Map<String, String> env;
    private final Path runRoot;
    private final Json json = new Json();

    public SupervisorLocator(Map<String, String> env) {
        this(env, ControlSpec.runRoot());
    }

    /** @param runRoot where the boot records of profile-less lookups are searched */
    SupervisorLocator(Map<String, String> env, Path runRoot) {
        this.env = Map.copyOf(env);
        this.runRoot = runRoot;
    }

    /**
     * Where to look.
     *
     * @param client the client for the supervisor's URL and token
     * @param record the boot record's file, if one is known
     */
    public record Target(ControlClient client, Optional<Path> record) {
    }

    public Target locate(Optional<Profile> profile) {
        Optional<Path> ownRecord = profile.map(p -> p.control().runDirFor(p.name(), p.source()).resolve(StatusDocument.RECORD_FILE));
        URI base = base(profile, ownRecord);
        Optional<Path> record = profile.isPresent() ? ownRecord : newestRecordAt(base);
        Optional<String> token = Optional.ofNullable(env.get("MUSTER_CONTROL_TOKEN")).filter(t -> !t.isBlank())
                .or(() -> profile.flatMap(p -> ControlToken.read(p.control(), env, p.env())));
        return new Target(new ControlClient(base, token), record);
    }

    /** The record at {@code file}, if it exists and parses. */
    public Optional<StatusDocument> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(json.read(Files.readString(file), StatusDocument.class))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private URI base(Optional<Profile> profile, Optional<Path> record) {
        String explicit = env.getOrDefault("MUSTER_CONTROL", "").strip();
        if (!explicit.isEmpty()) {
            return URI.create(explicit.contains("://") ? explicit : "http://" + explicit);
        }
        ControlSpec spec = profile.map(Profile::control).orElse(ControlSpec.defaults());
        if (spec.port() == 0) {
            return record.flatMap(this::read).map(StatusDocument::control).filter(c -> !c.isEmpty()).map(URI::create)
                    .orElse(URI.create("http://127.0.0.1:0"));
        }
        String host = switch (spec.host()) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "0:0:0:0:0:0:0:0" -> "[::1]";
            default -> spec.host().contains(":") ? "[" + spec.host() + "]" : spec.host();
        };
        return URI.create("http://" + host + ":" + spec.port());
    }

    /** The newest boot record under the run root whose supervisor listened at {@code base}. */
    private Optional<Path> newestRecordAt(URI base) {
        try (Stream<Path> dirs = Files.list(runRoot)) {
            return dirs.map(d -> d.resolve(StatusDocument.RECORD_FILE)).filter(Files::isRegularFile)
                    .filter(file -> read(file).map(StatusDocument::control).filter(c -> sameAddress(c, base)).isPresent())
                    .max(Comparator.comparing(SupervisorLocator::modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Same port, and the same host or both this machine (a wildcard listen address is reached on loopback). */
    static boolean sameAddress(String control, URI base) {
        if (control == null || control.isEmpty()) {
            return false;
        }
        URI recorded = URI.create(control);
        return recorded.getPort() == base.getPort() && (recorded.getHost().equals(base.getHost())
                || local(recorded.getHost()) && local(base.getHost()));
    }

    private static boolean local(String host) {
        return switch (host) {
            case "127.0.0.1", "localhost", "0.0.0.0", "[::1]", "[::]", "[0:0:0:0:0:0:0:0]" -> true;
            default -> false;
        };
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
