package dev.muster.cli;

import dev.muster.profile.Profile;
import dev.muster.secret.SecretStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The optional {@code -p PROFILE} of the client commands (status, logs, down). */
final class ClientOptions {
    @Option(names = {"-p", "--profile"}, paramLabel = "PROFILE",
            description = {"Profile YAML of the running stack (repeat for overlays): its control.listen, token and run_dir.",
                "Without it: MUSTER_CONTROL (host:port), else 127.0.0.1:7860."})
    List<Path> files = new ArrayList<>();

    /** The profile, read without generating secrets; empty when none was given. */
    Optional<Profile> profile(Streams streams) {
        return files.isEmpty() ? Optional.empty()
                : Optional.of(Profiles.load(streams, List.copyOf(files), SecretStore.readOnly()).profile());
    }
}
