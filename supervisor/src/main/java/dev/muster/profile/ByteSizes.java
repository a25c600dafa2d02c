package dev.muster.profile;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as profiles write them: a bare number of bytes, or a number with a binary unit
 * ({@code K}, {@code KB}, {@code KiB} = 1024; {@code M}, {@code MB}, {@code MiB} = 1024²;
 * {@code G}, {@code GB}, {@code GiB} = 1024³), case-insensitive, such as {@code 10MB}; never 0.
 * The pattern is {@link ProfileFormat#SIZE}, which the JSON Schema uses too.
 */
final class ByteSizes {
    private static final Pattern SIZE = Pattern.compile(ProfileFormat.SIZE);

    private ByteSizes() {
    }

    /** The number of bytes {@code text} denotes, or empty if it is not a size. */
    static Optional<Long> parse(String text) {
        Matcher matcher = SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase(Locale.ROOT);
        int shift = switch (unit) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        try {
            long amount = Long.parseLong(matcher.group(1));
            if (amount > (Long.MAX_VALUE >> shift)) {
                return Optional.empty();
            }
            return Optional.of(amount << shift);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
