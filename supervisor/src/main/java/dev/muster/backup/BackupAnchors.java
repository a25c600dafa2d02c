package dev.muster.backup;

import dev.muster.profile.BackupSpec;
import dev.muster.profile.ProbeSpec;
import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where in the shutdown each on-stop dump runs: just before the PostgreSQL server of its database stops
 * (the service whose ready probe is {@code postgres} on the backup's port), so every service that
 * depends on it has already stopped. For a database muster does not run (an external server), just
 * before the schema step on it is stopped, which is after everything that depends on that step.
 */
public final class BackupAnchors {
    private BackupAnchors() {
    }

    /** The unit each on-stop backup runs before, by unit name; backups without one are left out. */
    public static Map<String, List<BackupSpec>> of(Profile profile) {
        Map<String, List<BackupSpec>> anchors = new LinkedHashMap<>();
        for (BackupSpec backup : profile.backups().values()) {
            if (backup.onStop()) {
                anchor(profile, backup).ifPresent(unit -> anchors.computeIfAbsent(unit, u -> new ArrayList<>()).add(backup));
            }
        }
        return anchors;
    }

    /** The unit {@code backup}'s on-stop dump runs before. */
    public static Optional<String> anchor(Profile profile, BackupSpec backup) {
        Optional<String> server = server(profile, backup);
        if (server.isPresent()) {
            return server;
        }
        return profile.services().values().stream()
                .filter(s -> s.schema() != null && backup.sameDatabase(s.schema().database()))
                .map(ServiceSpec::name).findFirst();
    }

    /** The unit whose completion (or readiness) means {@code backup}'s database is settled: its schema step, else its server. */
    public static Optional<String> settledBy(Profile profile, BackupSpec backup) {
        Optional<String> schema = profile.services().values().stream()
                .filter(s -> s.schema() != null && backup.sameDatabase(s.schema().database()))
                .map(ServiceSpec::name).findFirst();
        return schema.isPresent() ? schema : server(profile, backup);
    }

    /** The service that is the PostgreSQL server of {@code backup}'s database, if muster runs it. */
    public static Optional<String> server(Profile profile, BackupSpec backup) {
        return profile.services().values().stream()
                .filter(s -> s.ready().probe() instanceof ProbeSpec.Postgres postgres
                        && backup.sameServer(postgres.database()))
                .map(ServiceSpec::name).findFirst();
    }
}
