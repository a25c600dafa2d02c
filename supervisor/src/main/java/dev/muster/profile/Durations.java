package dev.muster.profile;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as profiles write them: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h},
 * combinations such as {@code 1m30s}, or a bare whole number of seconds: the
 * {@link ProfileFormat#DURATION} pattern the JSON Schema uses too.
 */
final class Durations {
    private static final Pattern WHOLE = Pattern.compile(ProfileFormat.DURATION);
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {
    }

    /** The duration {@code text} denotes, or empty if it is not one. */
    static Optional<Duration> parse(String text) {
        String trimmed = text.strip();
        try {
            if (trimmed.matches("\\d+")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
            }
            if (!WHOLE.matcher(trimmed).matches()) {
                return Optional.empty();
            }
            Duration total = Duration.ZERO;
            for (Matcher part = PART.matcher(trimmed); part.find(); ) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                });
            }
            return Optional.of(total);
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
