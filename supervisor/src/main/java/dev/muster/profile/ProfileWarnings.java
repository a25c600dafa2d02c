package dev.muster.profile;

import dev.muster.process.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code check} warns about in a valid profile: things that load but will likely hurt. Today:
 * a service with a postgres ready probe (or a PostgreSQL command) that would be stopped with TERM,
 * PostgreSQL's "smart" shutdown, which waits for every client to disconnect and so usually ends in
 * SIGKILL and WAL recovery.
 */
public final class ProfileWarnings {
    private ProfileWarnings() {
    }

    public static List<String> of(Profile profile) {
        List<String> warnings = new ArrayList<>();
        for (ServiceSpec service : profile.services().values()) {
            boolean postgres = service.ready().probe() instanceof ProbeSpec.Postgres
                    || ServicePartsBinder.isPostgres(service.command());
            if (postgres && service.kind().launches() && service.stop().signal() == Signal.TERM) {
                warnings.add("services." + service.name() + ".stop.signal: " + service.name() + " looks like PostgreSQL"
                        + " but is stopped with TERM (smart shutdown: it waits for every client, then gets SIGKILL);"
                        + " write stop: { signal: INT } for a fast, clean shutdown");
            }
        }
        return warnings;
    }
}
