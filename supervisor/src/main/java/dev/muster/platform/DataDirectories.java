package dev.muster.platform;

import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The PostgreSQL data directories a profile uses: the {@code -D DIR}, {@code -DDIR} or {@code --pgdata=DIR}
 * of every {@code postgres}, {@code initdb} or {@code pg_ctl} command, and {@code PGDATA} in such a
 * service's environment.
 */
public final class DataDirectories {
    private static final Set<String> PROGRAMS = Set.of("postgres", "initdb", "pg_ctl", "pg_ctlcluster");

    private DataDirectories() {
    }

    public static Set<Path> of(Profile profile) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (ServiceSpec spec : profile.services().values()) {
            List<String> argv = spec.command();
            if (argv.isEmpty() || spec.shell() || !PROGRAMS.contains(Path.of(argv.get(0)).getFileName().toString())) {
                continue;
            }
            for (int i = 1; i < argv.size(); i++) {
                String arg = argv.get(i);
                if ((arg.equals("-D") || arg.equals("--pgdata")) && i + 1 < argv.size()) {
                    dirs.add(Path.of(argv.get(i + 1)));
                } else if (arg.startsWith("--pgdata=")) {
                    dirs.add(Path.of(arg.substring("--pgdata=".length())));
                } else if (arg.startsWith("-D") && arg.length() > 2) {
                    dirs.add(Path.of(arg.substring(2)));
                }
            }
            String pgdata = spec.env().getOrDefault("PGDATA", profile.env().get("PGDATA"));
            if (pgdata != null && !pgdata.isBlank()) {
                dirs.add(Path.of(pgdata));
            }
        }
        return dirs;
    }
}
