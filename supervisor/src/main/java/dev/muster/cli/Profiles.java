package dev.muster.cli;

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

    static Plan preflight(Streams streams, Profile profile, Users users) {
        return new Preflight(streams.env(), users, new Executables(), streams.workDir()).check(profile);
    }
}
