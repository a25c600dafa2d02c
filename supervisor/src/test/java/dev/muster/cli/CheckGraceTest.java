package dev.muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckGraceTest {
    @TempDir
    Path dir;

    private String check(Map<String, String> env) throws Exception {
        Path profile = Files.writeString(dir.resolve("p.yaml"), """
                version: 1
                grace: ${RAILWAY_DEPLOYMENT_DRAINING_SECONDS:-}
                services:
                  web:
                    command: [sleep, "60"]
                    stop: { timeout: 15s }
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, env, "check", "-p",
                profile.toString());
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void checkWarnsAboutRailwaysZeroSecondGraceAndNamesTheVariable() throws Exception {
        String out = check(Map.of("PATH", "/usr/bin:/bin", "RAILWAY_ENVIRONMENT_NAME", "production"));

        assertThat(out).contains("platform: Railway")
                .contains("grace after SIGTERM: 0 s (RAILWAY_DEPLOYMENT_DRAINING_SECONDS is unset)")
                .contains("web: stop within 15.00s")
                .contains("WARNING: Railway will SIGKILL 0 s after SIGTERM")
                .contains("set RAILWAY_DEPLOYMENT_DRAINING_SECONDS=15");
    }

    @Test
    void checkIsQuietWhenTheDrainingTimeCoversThePlan() throws Exception {
        String out = check(Map.of("PATH", "/usr/bin:/bin", "RAILWAY_ENVIRONMENT_NAME", "production",
                "RAILWAY_DEPLOYMENT_DRAINING_SECONDS", "20"));

        assertThat(out).contains("grace after SIGTERM: 20.00s (grace: in the profile)").doesNotContain("WARNING");
    }
}
