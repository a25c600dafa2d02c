package dev.muster.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiScreenTest {
    private final Redactor redactor = Redactor.none().including(Map.of(
            "API_TOKEN", "tok-abcdef", "API_TOKEN_LONG", "tok-abcdef-ghij", "A_SECRET", "defxyz",
            "DB_PASSWORD", "pa55word-that-is-long-enough-to-skip-far", "KEY_UNICODE", "schl\u00fcssel-1234"));

    @Test
    void neverCallsALineCleanThatRedactionWouldChange() {
        Random random = new Random(12);
        List<String> parts = List.of("tok-abcdef", "tok-abcde", "defxyz", "defxy", "-ghij", "pa55word-that-is-long-enough-",
                "pa55word-that-is-long-enough-to-skip-far", "://", ":/", "redis://u:pw@h", "http://h/x", " ", "a", "f", "z",
                "-", "x", "schl", "ssel-1234", "GET /api/v1/items?page=3 ");
        int changed = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                line.append(parts.get(random.nextInt(parts.size())));
            }
            String text = line.toString();
            byte[] bytes = ("<<" + text + ">>").getBytes(StandardCharsets.US_ASCII);
            boolean clean = redactor.isCleanAscii(bytes, 2, bytes.length - 2);
            if (!redactor.redact(text).equals(text)) {
                changed++;
                assertThat(clean).as("said clean: %s", text).isFalse();
            }
        }
        assertThat(changed).as("the generator makes lines with secrets").isGreaterThan(10_000);
    }

    @Test
    void aTypicalLineIsClean() {
        byte[] line = "GET /api/v1/items?page=3 status=200 user=alice tok-9f8e7d6c5b4a id=3 12:30:01"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(redactor.isCleanAscii(line, 0, line.length)).isTrue();
        assertThat(Redactor.none().isCleanAscii(line, 0, line.length)).isTrue();
    }

    @Test
    void aSchemeSeparatorAtAnyPlaceIsNeverCleanWhateverColonsAndSlashesComeBefore() {
        for (String before : List.of("x", "/", "//", ":", "::", ":/", "/:", "x/", "x:/")) {
            for (int at = 0; at < 12; at++) {
                String text = before.repeat(at) + "://" + "y".repeat(12 - at);
                byte[] line = text.getBytes(StandardCharsets.US_ASCII);
                assertThat(Redactor.none().isCleanAscii(line, 0, line.length)).as(text).isFalse();
            }
        }
        byte[] near = "a:/b//c:d/e::f//g".getBytes(StandardCharsets.US_ASCII);
        assertThat(Redactor.none().isCleanAscii(near, 0, near.length)).isTrue();
    }
}
