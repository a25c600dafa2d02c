package dev.muster.control;

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
 * {@code /tmp/muster}.
 */
public final class SupervisorLocator {
    private final Map<String, String> env;
    private final Json json = new Json();

    public SupervisorLocator(Map<String, String> env) {
        this.env = Map.copyOf(env);
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
        Optional<Path> record = profile.map(p -> p.control().runDirFor(p.name(), p.source()).resolve(BootRecorder.FILE))
                .or(this::newestRecord);
        Optional<String> token = Optional.ofNullable(env.get("MUSTER_CONTROL_TOKEN")).filter(t -> !t.isBlank())
                .or(() -> profile.flatMap(p -> ControlToken.read(p.control(), env, p.env())));
        return new Target(new ControlClient(base(profile, record), token), record);
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

    private Optional<Path> newestRecord() {
        Path root = ControlSpec.runRoot();
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(d -> d.resolve(BootRecorder.FILE)).filter(Files::isRegularFile)
                    .max(Comparator.comparing(SupervisorLocator::modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
