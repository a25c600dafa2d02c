package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void durationsTakeUnitsCombinationsAndBareSeconds() {
        assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("2m")).contains(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).contains(Duration.ofHours(1));
        assertThat(Durations.parse("1m30s")).contains(Duration.ofSeconds(90));
        assertThat(Durations.parse("15")).contains(Duration.ofSeconds(15));
    }

    @Test
    void durationsRejectAnythingElse() {
        for (String text : List.of("3x", "", "s", "1.5s", "-1s", "1 m", "99999999999999999999s")) {
            assertThat(Durations.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void sizesUseBinaryUnits() {
        assertThat(ByteSizes.parse("10MB")).contains(10L * 1024 * 1024);
        assertThat(ByteSizes.parse("1k")).contains(1024L);
        assertThat(ByteSizes.parse("2KiB")).contains(2048L);
        assertThat(ByteSizes.parse("1 GiB")).contains(1L << 30);
        assertThat(ByteSizes.parse("700")).contains(700L);
        assertThat(ByteSizes.parse("10XB")).isEmpty();
        assertThat(ByteSizes.parse("1TB")).isEmpty();
    }

    @Test
    void spellingSuggestsCloseKeysOnly() {
        List<String> keys = List.of("command", "depends_on", "ready");

        assertThat(Spelling.closest("depend_on", keys)).contains("depends_on");
        assertThat(Spelling.closest("comand", keys)).contains("command");
        assertThat(Spelling.closest("healthcheck", keys)).isEmpty();
    }
}
