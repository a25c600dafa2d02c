package dev.muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubcommandsTest {
    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertThat(Subcommands.forArguments("up", "-p", "x.yaml")).containsExactly(UpCommand.class);
        assertThat(Subcommands.forArguments("check")).containsExactly(CheckCommand.class);
        assertThat(Subcommands.forArguments("export", "compose")).containsExactly(ExportCommand.class);
    }

    @Test
    void onlyCommandsThatPreflightLoadLibcAhead() {
        assertThat(Subcommands.preflights(Subcommands.forArguments("up", "-p", "x.yaml"))).isTrue();
        assertThat(Subcommands.preflights(Subcommands.forArguments("run", "-p", "x.yaml", "migrate"))).isTrue();
        assertThat(Subcommands.preflights(Subcommands.forArguments("check"))).isTrue();
        assertThat(Subcommands.preflights(Subcommands.forArguments("status"))).isFalse();
        assertThat(Subcommands.preflights(Subcommands.forArguments("--version"))).isFalse();
        assertThat(Subcommands.preflights(Subcommands.forArguments())).isFalse();
    }

    @Test
    void helpOptionsNoArgumentsAndUnknownNamesGetEverySubcommand() {
        assertThat(Subcommands.forArguments()).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.forArguments("--help")).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.forArguments("help", "up")).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.forArguments("upp")).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.forArguments("-p", "up")).isEqualTo(Subcommands.ALL);
    }

    @Test
    void helpOfOneCommandAndTheUnknownCommandErrorAreAsBefore() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(Main.run(o, e, Map.of(), "help", "check")).isZero();
        assertThat(Main.run(o, e, Map.of(), "upp")).isEqualTo(2);

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: muster check ");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("muster: Unmatched argument at index 0: 'upp'").contains("Try 'muster --help'.");
    }
}
