package dev.muster.secret;

import dev.muster.profile.DatabaseSpec;
import dev.muster.profile.ProbeSpec;
import dev.muster.profile.ServiceSpec;
import java.util.ArrayList;
import java.util.List;

/** The passwords a service's database settings hold: its ready and live probes', its schema or migrations step's. */
final class DatabasePasswords {
    private DatabasePasswords() {
    }

    static List<String> of(ServiceSpec service) {
        List<String> passwords = new ArrayList<>();
        probe(passwords, service.ready().probe());
        if (service.live() != null) {
            probe(passwords, service.live().probe());
        }
        if (service.schema() != null) {
            add(passwords, service.schema().database());
        }
        if (service.migrations() != null) {
            add(passwords, service.migrations().database());
        }
        return passwords;
    }

    private static void probe(List<String> passwords, ProbeSpec probe) {
        if (probe != null) {
            passwords.addAll(probe.secrets());
        }
    }

    private static void add(List<String> passwords, DatabaseSpec database) {
        if (database.password() != null) {
            passwords.add(database.password());
        }
    }
}
