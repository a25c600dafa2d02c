package dev.muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code muster run}'s command line, in-process: what is refused before anything is started. */
class RunCommandTest {
    @TempDir
    Path dir;

    private record Printed(int exit, String out, String err) {
    }

    private static Printed run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), args);
        return new Printed(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownServiceIsExitTwoNamingTheServicesThereAre() throws IOException {
        Path profile = Files.writeString(dir.resolve("stack.yaml"), """
                version: 1
                services:
                  db: { command: [/bin/true] }
                  backend: { depends_on: [db], command: [/bin/true] }
                """);

        Printed printed = run("run", "-p", profile.toString(), "--service", "worker", "--", "true");

        assertThat(printed.exit()).isEqualTo(2);
        assertThat(printed.err()).contains("run --service: no service 'worker' in " + profile + "; name one of: db, backend");
    }

    @Test
    void aCommandIsRequired() throws IOException {
        Path profile = Files.writeString(dir.resolve("stack.yaml"), "version: 1\nservices:\n  db: { command: [/bin/true] }\n");

        Printed printed = run("run", "-p", profile.toString(), "--service", "db");

        assertThat(printed.exit()).isEqualTo(2);
        assertThat(printed.err()).contains("Missing required parameter: 'CMD'");
    }

    @Test
    void topLevelHelpListsRunWithItsFirstSentence() {
        Printed printed = run("--help");

        assertThat(printed.out().replaceAll("\\s+", " "))
                .contains("run Run a one-off command with the services it needs up, like docker compose run.");
    }
}
