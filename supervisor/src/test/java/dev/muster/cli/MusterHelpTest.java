package dev.muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MusterHelpTest {
    private record Printed(String out, String err) {
        /** The output with its line breaks and indentation collapsed, as a reader follows the text. */
        String flowing() {
            return out.replaceAll("\\s+", " ");
        }
    }

    private static Printed run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), args);
        return new Printed(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void topLevelHelpShowsEachCommandsFirstSentenceWhole() {
        Printed help = run("--help");

        assertThat(help.flowing())
                .contains("up Prepare directories and files, start every service in dependency order, supervise"
                        + " them, and stop them all cleanly on SIGTERM/SIGINT.")
                .contains("status Show every service of the running stack (the boot summary's table), or, when no"
                        + " supervisor answers, the last boot's record and how it ended.")
                .contains("down Ask the running supervisor to stop every service cleanly, exactly as SIGTERM would,"
                        + " and wait until it has.")
                .contains("reproduce Build the image (Dockerfile), run it with a fresh named volume, wait for /health"
                        + " 200, then restart it N times.")
                .contains("help Display help information about the specified command.");
        assertThat(help.out().lines()).allMatch(line -> line.length() <= MusterCommand.HELP_WIDTH);
    }

    @Test
    void reproduceHelpPrintsNoPicocliWarningAndKeepsThePercentSigns() {
        Printed help = run("reproduce", "--help");

        assertThat(help.err()).doesNotContain("WARN");
        assertThat(help.out()).contains("date +%s%N > /data/m").doesNotContain("%%");
    }

    @Test
    void subcommandDescriptionsAreNotRewrappedMidLine() {
        Printed help = run("up", "--help");

        assertThat(help.out()).contains("Prepare directories and files, start every service in dependency order,"
                + " supervise them,\nand stop them all cleanly on SIGTERM/SIGINT.");
    }
}
