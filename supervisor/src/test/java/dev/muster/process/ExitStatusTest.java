package dev.muster.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitStatusTest {
    @Test
    void decodesSignalDeathsAndCommonShellCodes() {
        assertThat(new ExitStatus(3).describe()).isEqualTo("exited with code 3");
        assertThat(new ExitStatus(143).describe()).isEqualTo("killed by SIGTERM (exit 143)");
        assertThat(new ExitStatus(137).describe()).contains("SIGKILL", "out of memory?");
        assertThat(new ExitStatus(127).describe()).contains("command not found");
        assertThat(new ExitStatus(0).success()).isTrue();
    }

    @Test
    void parsesSignalNamesWithOrWithoutPrefix() {
        assertThat(Signal.parse("sigint")).contains(Signal.INT);
        assertThat(Signal.parse("QUIT")).contains(Signal.QUIT);
        assertThat(Signal.parse("15")).contains(Signal.TERM);
        assertThat(Signal.parse("BOGUS")).isEmpty();
    }
}
