package dev.muster.slice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.preflight.Plan;
import dev.muster.preflight.Preflight;
import dev.muster.process.Executables;
import dev.muster.process.Users;
import dev.muster.profile.Profile;
import dev.muster.profile.ProfileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preflight of a sliced profile: the externals have no command (an earlier build indexed the
 * empty argument list and crashed), so preflight resolves only what this container launches.
 */
class SlicePreflightTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

    @TempDir
    Path dir;

    @Test
    void preflightResolvesTheSliceAndLeavesExternalsWithoutACommand() throws IOException {
        Path file = Files.writeString(dir.resolve("stack.yaml"), """
                version: 1
                services:
                  db:
                    command: [no-such-database-server]
                    ready: { postgres: { port: 5432, user: postgres, password: pw } }
                  cache:
                    command: [no-such-cache]
                    ready: { tcp: { port: 6379 } }
                  app-db:
                    kind: database
                    depends_on: [db]
                    server: { port: 5432, user: postgres }
                    database: { name: app }
                  app:
                    depends_on: [app-db, cache]
                    command: [sleep, "600"]
                """);
        Profile profile = new ProfileLoader(ENV, spec -> "secret").load(List.of(file)).profile();
        Slice slice = Slice.of(profile, List.of("app-db", "app"), Map.of());

        Plan plan = new Preflight(ENV, new Users(), new Executables(), dir).check(slice.profile());

        assertThat(plan.services()).containsOnlyKeys("db", "cache", "app-db", "app");
        assertThat(plan.services().get("db").argv()).isEmpty();
        assertThat(plan.services().get("cache").argv()).isEmpty();
        assertThat(plan.services().get("app").argv()).containsExactly("/usr/bin/sleep", "600");
        assertThat(slice.profile().services().get("app-db").setup().server().host()).isEqualTo("db");
    }
}
