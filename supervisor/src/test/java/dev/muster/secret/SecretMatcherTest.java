package dev.muster.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretMatcherTest {

    @Test
    void reportsTheLongestMatchEndingAtEachPosition() {
        SecretMatcher matcher = new SecretMatcher(Set.of("abcd", "bc", "cdef"));
        List<String> found = new ArrayList<>();
        matcher.scan("xabcdefx", 0, 8, SecretMatcher.ROOT, (end, length) -> found.add(end + ":" + length));
        assertThat(found).containsExactly("4:2", "5:4", "7:4");
    }

    @Test
    void workGrowsLinearlyWithTheTextEvenOnNearMisses() {
        SecretMatcher matcher = new SecretMatcher(Set.of("a".repeat(40) + "b", "aaab", "a1b2c3d4e5"));
        long small = work(matcher, nearMisses(10_000));
        long large = work(matcher, nearMisses(1_000_000));
        assertThat(large).isLessThanOrEqualTo(2L * 1_000_000);
        assertThat((double) large / small).isBetween(90.0, 110.0);
    }

    /** Long runs that almost match the 41-char secret, broken just before its end. */
    static String nearMisses(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append("a".repeat(39)).append('c');
        }
        return text.substring(0, length);
    }

    private static long work(SecretMatcher matcher, String text) {
        long[] work = new long[1];
        matcher.scan(text, 0, text.length(), SecretMatcher.ROOT, (end, length) -> { }, work);
        return work[0];
    }
}
