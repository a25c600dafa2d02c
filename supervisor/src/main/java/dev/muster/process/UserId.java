package dev.muster.process;

import java.util.Objects;

/**
 * A resolved account to run a service as.
 *
 * @param uid  numeric user id
 * @param gid  numeric primary group id
 * @param name the account name, or null for a bare {@code uid[:gid]} without a passwd entry
 * @param home the home directory, or null when unknown
 */
public record UserId(int uid, int gid, String name, String home) {
    public UserId {
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("uid and gid must not be negative");
        }
    }

    /** "postgres (101:104)" or "1000:1000". */
    public String describe() {
        String ids = uid + ":" + gid;
        return name == null ? ids : name + " (" + ids + ")";
    }

    boolean hasName() {
        return name != null && !Objects.equals(name, "");
    }
}
