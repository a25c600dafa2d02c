package dev.muster.cli;

import dev.muster.backup.Backups;
import dev.muster.logs.Console;
import dev.muster.process.Children;
import dev.muster.profile.Profile;
import dev.muster.schema.DatabaseSteps;
import java.time.Clock;
import java.util.Map;

/** Builds the run's {@link Backups} from the profile: the PATH is the profile's, else muster's. */
final class BackupWiring {
    private BackupWiring() {
    }

    static Backups backups(Profile profile, Clock clock, Map<String, String> env, Children children, Console console) {
        String path = profile.env().getOrDefault("PATH", env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        return new Backups(profile, clock, DatabaseSteps.host(env), path, children, console::info, console::error);
    }
}
