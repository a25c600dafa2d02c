package dev.muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.profile.Profile;
import dev.muster.profile.ProfileLoader;
import dev.muster.supervisor.StopLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopBudgetWiringTest {
    @TempDir
    Path dir;

    @Test
    void withoutAKnownGraceEveryUnitKeepsItsOwnTimeout() throws IOException {
        assertThat(StopBudgetWiring.limits(profile(""), Map.of())).as("plain Docker's 10s is only assumed").isEmpty();
        assertThat(StopBudgetWiring.limits(profile(""), Map.of("RAILWAY_ENVIRONMENT_NAME", "production")))
                .as("Railway without draining seconds gives 0s: nothing to share").isEmpty();
    }

    @Test
    void graceInTheProfileOrAPlatformsValueIsTheBudget() throws IOException {
        Optional<StopLimits> profiled = StopBudgetWiring.limits(profile("grace: 8s"), Map.of());
        assertThat(profiled).isPresent();
        assertThat(profiled.get().announcement()).singleElement().asString()
                .startsWith("stopping under a 8s grace (grace: in the profile), the stop plan needs 40s: app gets");
        assertThat(profiled.get().stop("postgres", Duration.ofSeconds(30), Duration.ZERO)).isEqualTo(Duration.ofSeconds(8));

        Optional<StopLimits> railway = StopBudgetWiring.limits(profile(""), Map.of("RAILWAY_ENVIRONMENT_NAME", "production",
                "RAILWAY_DEPLOYMENT_DRAINING_SECONDS", "60"));
        assertThat(railway).isPresent();
        assertThat(railway.get().announcement()).singleElement().asString()
                .contains("(RAILWAY_DEPLOYMENT_DRAINING_SECONDS=60 on Railway)", "fits");
        assertThat(railway.get().stop("app", Duration.ofSeconds(10), Duration.ZERO)).isEqualTo(Duration.ofSeconds(10));
    }

    private Profile profile(String extra) throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), """
                version: 1
                %s
                services:
                  postgres:
                    command: [postgres, -D, /data/pg, -p, "5432"]
                    ready: { postgres: { port: 5432 } }
                    stop: { signal: INT, timeout: 30s }
                  app:
                    depends_on: [postgres]
                    command: [app]
                    stop: { timeout: 10s }
                """.formatted(extra));
        return new ProfileLoader(Map.of(), spec -> "secret").load(List.of(file)).profile();
    }
}
