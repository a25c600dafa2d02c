package dev.muster.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name shared by a dump's three files: {@code BACKUP-20261201T211908123Z-HOST-RANDOM}, then
 * {@code .dump} (pg_dump -Fc), {@code .roles.sql} (pg_dumpall --roles-only) and {@code .manifest.json}.
 * Time, host and 32 random bits make two writers (an overlapping redeploy) never pick the same name, so
 * a bucket without locking needs none; the time sorts names from oldest to newest.
 *
 * @param backup the backup's name
 * @param time   when the dump started, millisecond precision, UTC
 * @param host   the writer's host name, reduced to letters, digits and '-'
 * @param random 8 hex digits
 */
record DumpName(String backup, Instant time, String host, String random) implements Comparable<DumpName> {
    static final String DUMP = ".dump";
    static final String ROLES = ".roles.sql";
    static final String MANIFEST = ".manifest.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern FILE = Pattern.compile("(.+)-(\\d{8}T\\d{9}Z)-([A-Za-z0-9-]{1,40})-([0-9a-f]{8})"
            + "(\\.dump|\\.roles\\.sql|\\.manifest\\.json)");

    static DumpName create(String backup, Instant time, String host, RandomGenerator random) {
        String cleanHost = host.replaceAll("[^A-Za-z0-9-]", "-");
        cleanHost = cleanHost.isEmpty() ? "host" : cleanHost.substring(0, Math.min(40, cleanHost.length()));
        return new DumpName(backup, time.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), cleanHost,
                String.format("%08x", random.nextInt()));
    }

    /** The name a file of this backup carries, or empty for any other file (temporary files included). */
    static Optional<DumpName> parse(String backup, Path file) {
        Matcher matcher = FILE.matcher(file.getFileName().toString());
        if (!matcher.matches() || !matcher.group(1).equals(backup)) {
            return Optional.empty();
        }
        Instant time = STAMP.parse(matcher.group(2), Instant::from);
        return Optional.of(new DumpName(backup, time, matcher.group(3), matcher.group(4)));
    }

    String base() {
        return backup + "-" + STAMP.format(time) + "-" + host + "-" + random;
    }

    Path dump(Path directory) {
        return directory.resolve(base() + DUMP);
    }

    Path roles(Path directory) {
        return directory.resolve(base() + ROLES);
    }

    Path manifest(Path directory) {
        return directory.resolve(base() + MANIFEST);
    }

    @Override
    public int compareTo(DumpName other) {
        return base().compareTo(other.base());
    }
}
