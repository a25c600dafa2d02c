package dev.muster.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorLinesTest {
    private final Redactor redactor = Redactor.none().including(Map.of(
            "API_TOKEN", "tok-abcdef", "API_TOKEN_LONG", "tok-abcdef-ghij", "A_SECRET", "defxyz", "PLAIN", "visible"));

    @Test
    void aSecretThatIsAPrefixOfAnotherHidesTheLongerOneWhole() {
        assertThat(redactor.redact("a tok-abcdef-ghij b tok-abcdef c")).isEqualTo("a ****** b ****** c");
    }

    @Test
    void overlappingSecretsAreHiddenUnderOneMask() {
        assertThat(redactor.redact("x tok-abcdefxyz y")).isEqualTo("x ****** y");
        assertThat(redactor.redact("tok-abcdefdefxyz")).isEqualTo("******");
    }

    @Test
    void inheritedValuesAreHiddenOnlyUnderSensitiveNames() {
        assertThat(redactor.redact("visible tok-abcdef")).isEqualTo("visible ******");
    }

    @Test
    void aUrlPasswordIsHiddenInAnyLine() {
        assertThat(redactor.redact("GET redis://:s3cr3t-pw@cache:6379 then http://h:80/x"))
                .isEqualTo("GET redis://:******@cache:6379 then http://h:80/x");
    }

    @Test
    void aSecretSplitAtEveryPossibleCutIsStillHidden() {
        String line = "start tok-abcdef-ghij and defxyz end";
        for (int cut = 1; cut < line.length(); cut++) {
            String joined = String.join("|", pieces(line.substring(0, cut), line.substring(cut)));
            assertThat(joined).as("cut at %d", cut).doesNotContain("abcdef", "ghij", "defxyz", "xyz");
            assertThat(joined.replace("|", "")).as("cut at %d", cut).contains("start", "and", "end");
        }
    }

    @Test
    void aLineSplitWhereNoSecretCanStartIsShownAsIs() {
        assertThat(pieces("plain text ", "and more")).containsExactly("plain text ", "and more");
    }

    @Test
    void redactionWorkOnAMegabyteLineOfNearMissesIsLinear() {
        long small = charsRead(RedactorLinesTest.nearMisses(10_000));
        long large = charsRead(RedactorLinesTest.nearMisses(1_000_000));
        assertThat((double) large / small).isBetween(90.0, 110.0);
        assertThat(redactor.redact(nearMisses(1_000_000))).hasSize(1_000_000);
    }

    static String nearMisses(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append("tok-abcde_-ghi").append("a1b2c3d4e5f6g7h8").append("redis://:x").append(' ');
        }
        return text.substring(0, length);
    }

    private List<String> pieces(String first, String second) {
        List<String> shown = new ArrayList<>();
        Redactor.Split a = redactor.redactPart(Redactor.Pending.NONE, first, false);
        shown.add(a.shown());
        shown.add(redactor.redactPart(a.pending(), second, true).shown());
        return shown;
    }

    /** Every character the URL scan and the automaton read, counted through a wrapper. */
    private static long charsRead(String text) {
        long[] reads = new long[1];
        CharSequence counting = new CharSequence() {
            @Override
            public int length() {
                return text.length();
            }

            @Override
            public char charAt(int index) {
                reads[0]++;
                return text.charAt(index);
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                return text.subSequence(start, end);
            }
        };
        new SecretMatcher(List.of("tok-abcde_-ghij", "a1b2c3d4e5f6g7h8X")).scan(counting, 0, text.length(), 0, (e, l) -> { });
        UrlPasswords.find(counting, (s, e) -> { });
        return reads[0];
    }
}
