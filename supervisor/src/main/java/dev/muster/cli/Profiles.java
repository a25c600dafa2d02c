package dev.muster.cli;

import dev.muster.container.Containers;
import dev.muster.docker.DockerContainers;
import dev.muster.preflight.Plan;
import dev.muster.preflight.Preflight;
import dev.muster.process.Executables;
import dev.muster.process.Users;
import dev.muster.profile.LoadedProfile;
import dev.muster.profile.Profile;
import dev.muster.profile.ProfileLoader;
import dev.muster.profile.SecretResolver;
import java.nio.file.Path;
import java.util.List;

/** The two steps every profile-reading command shares: load (exit 2) and preflight (exit 3). */
final class Profiles {
    private Profiles() {
    }

    static LoadedProfile load(Streams streams, List<Path> files, SecretResolver secrets) {
        return new ProfileLoader(streams.env(), secrets).load(files);
    }

    /**
     * {@code profile} again with its secrets' values, generating the missing ones: called by {@code up}
     * only after the profile was loaded read-only and its preflight passed, so a rejected profile
     * never creates secret files, and only when the read-only store found a secret
     * {@link dev.muster.secret.SecretStore#missing() missing} (otherwise the profile already holds
     * every value). Without declared secrets, {@code profile} itself.
     */
    static Profile generateSecrets(Streams streams, List<Path> files, Profile profile) {
        if (profile.secrets().isEmpty()) {
            return profile;
        }
        return load(streams, files, dev.muster.secret.SecretStore.generating(new java.security.SecureRandom())).profile();
    }

    static Plan preflight(Streams streams, Profile profile, Users users, Containers containers) {
        return new Preflight(streams.env(), users, new Executables(), streams.workDir(), containers).check(profile);
    }

    /**
     * The container runtime: Docker when any service has an {@code image:}, else none, so a stack
     * without containers never touches Docker (the client is created on first use anyway).
     */
    static Containers containers(Streams streams, Profile profile, java.util.function.Consumer<String> info) {
        boolean any = profile.services().values().stream().anyMatch(dev.muster.profile.ServiceSpec::isContainer);
        return any ? new DockerContainers(streams.env(), streams.workDir(), info) : Containers.none();
    }
}
