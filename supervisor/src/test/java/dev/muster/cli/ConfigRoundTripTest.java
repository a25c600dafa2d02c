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

/** {@code muster config}'s output is a profile that loads again to the same effective values. */
class ConfigRoundTripTest {
    private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"), "GREETING", "hello");

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ENV, args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void configOutputPassesCheckAndPrintsTheSameValuesAgain() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), """
                version: 1
                name: roundtrip
                env:
                  LITERAL: "cost is $${AMOUNT} dollars"
                  EXPANDED: "${GREETING:-hi} world"
                  DOUBLE: "a $$$$ b"
                """);
        Path profile = Files.writeString(dir.resolve("p.yaml"), """
                extends: base.yaml
                services:
                  job:
                    kind: task
                    command: ["true", "$${HOME}", "ready$"]
                """);

        Result first = run("config", "-p", profile.toString());
        Path printed = Files.writeString(dir.resolve("printed.yaml"), first.out());
        Result check = run("check", "-p", printed.toString());
        Result second = run("config", "-p", printed.toString());

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("$${AMOUNT}", "$${HOME}");
        assertThat(check.exit()).as(check.err() + check.out()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(loadedEnv(printed)).containsEntry("LITERAL", "cost is ${AMOUNT} dollars")
                .containsEntry("EXPANDED", "hello world").containsEntry("DOUBLE", "a $$ b");
    }

    @Test
    void checkAndConfigSayWhichRenderedFileGot0600() throws IOException {
        Path profile = Files.writeString(dir.resolve("p.yaml"), """
                version: 1
                files:
                  - { path: %s, content: "PASSWORD=${DB_PASSWORD:-x}" }
                services:
                  job: { kind: task, command: ["true"] }
                """.formatted(dir.resolve("app.env")));
        String note = "files[0] " + dir.resolve("app.env") + ": mode 0600 (not 0644) because its content holds"
                + " ${DB_PASSWORD}; write mode: to choose another";

        Result config = run("config", "-p", profile.toString());
        Result check = run("check", "-p", profile.toString());

        assertThat(config.out()).startsWith("# note: " + note + "\n").contains("mode: \"0600\"");
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out()).contains("note: " + note);
    }

    private static Map<String, String> loadedEnv(Path profile) {
        return new dev.muster.profile.ProfileLoader(ENV, spec -> "x").load(java.util.List.of(profile)).profile().env();
    }
}
