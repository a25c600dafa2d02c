package dev.muster.secret;

import dev.muster.profile.DatabaseSpec;
import dev.muster.profile.ProbeSpec;
import dev.muster.profile.ServiceSpec;
import java.util.ArrayList;
import java.util.List;

/** The passwords a service's database settings hold: its ready probe's, its schema or migrations step's. */
final class DatabasePasswords {
    private DatabasePasswords() {
    }

    static List<String> of(ServiceSpec service) {
        List<String> passwords = new ArrayList<>();
        ProbeSpec probe = service.ready().probe();
        if (probe instanceof ProbeSpec.Postgres postgres) {
            add(passwords, postgres.database());
        } else if (probe instanceof ProbeSpec.Redis redis && redis.password() != null) {
            passwords.add(redis.password());
        }
        if (service.schema() != null) {
            add(passwords, service.schema().database());
        }
        if (service.migrations() != null) {
            add(passwords, service.migrations().database());
        }
        return passwords;
    }

    private static void add(List<String> passwords, DatabaseSpec database) {
        if (database.password() != null) {
            passwords.add(database.password());
        }
    }
}
