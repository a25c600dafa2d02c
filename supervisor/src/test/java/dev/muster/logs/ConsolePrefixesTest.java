package dev.muster.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsolePrefixesTest {

    @Test
    void anEmptyNoColorKeepsColourAndANonEmptyOneTurnsItOff() {
        assertThat(ConsolePrefixes.colorAllowed(Map.of("NO_COLOR", ""))).isTrue();
        assertThat(ConsolePrefixes.colorAllowed(Map.of())).isTrue();
        assertThat(ConsolePrefixes.colorAllowed(Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(ConsolePrefixes.colorAllowed(Map.of("TERM", "dumb"))).isFalse();
    }

    @Test
    void padsEveryNameToTheColumnAndNeverNarrowerThanMuster() {
        ConsolePrefixes prefixes = new ConsolePrefixes(false, 2);

        assertThat(prefixes.of("db")).isEqualTo("db     | ");
        assertThat(prefixes.of("muster")).isEqualTo("muster | ");
        assertThat(prefixes.asciiOf("db")).asString().isEqualTo("db     | ");
    }

    @Test
    void coloursEachSourceOnceMusterInBoldAndANonAsciiNameHasNoBytePrefix() {
        ConsolePrefixes prefixes = new ConsolePrefixes(true, 6);

        assertThat(prefixes.of("muster")).isEqualTo("\u001b[1mmuster | \u001b[0m");
        assertThat(prefixes.of("db")).startsWith("\u001b[").contains("db     | ").isSameAs(prefixes.of("db"));
        assertThat(prefixes.of("web").substring(0, 5)).as("another colour").isNotEqualTo(prefixes.of("db").substring(0, 5));
        assertThat(prefixes.asciiOf("café")).isNull();
        assertThat(new ConsolePrefixes(false, 6).asciiOf("café")).isNull();
    }
}
