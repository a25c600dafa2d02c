package dev.muster.host;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds a run lock, as its lock file records it: muster's pid, the host it runs on, since when,
 * the profile and the uid. Written as {@code key=value} lines, so {@code cat} shows it.
 *
 * @param pid     muster's process id (in its own PID namespace)
 * @param host    the host name (a container's id on Docker)
 * @param since   when the lock was taken
 * @param profile the profile file muster runs
 * @param uid     the uid muster runs as
 */
public record LockHolder(long pid, String host, Instant since, String profile, int uid) {

    /** This muster, now. */
    public static LockHolder self(String profile, int uid, Instant now) {
        return new LockHolder(ProcessHandle.current().pid(), Hosts.name(), now, profile, uid);
    }

    String toText() {
        return "pid=" + pid + "\nhost=" + host + "\nsince=" + since + "\nprofile=" + profile + "\nuid=" + uid + "\n";
    }

    /** The holder a lock file names, empty when it names none (new, empty or foreign content). */
    static Optional<LockHolder> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        text.lines().map(line -> line.split("=", 2)).filter(kv -> kv.length == 2).forEach(kv -> fields.put(kv[0], kv[1]));
        try {
            return Optional.of(new LockHolder(Long.parseLong(fields.get("pid")), fields.getOrDefault("host", "?"),
                    Instant.parse(fields.get("since")), fields.getOrDefault("profile", "?"),
                    Integer.parseInt(fields.getOrDefault("uid", "-1"))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** "muster pid 4711 on host web-1 since 2026-12-01T21:30:00Z (profile /app/profiles/image.yaml, uid 0)". */
    public String describe() {
        return "muster pid " + pid + " on host " + host + " since " + since + " (profile " + profile + ", uid " + uid + ")";
    }
}
