package dev.muster.process;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.util.Optional;

/** Resolves {@code user:} values (a name or {@code uid[:gid]}) through the system's passwd database. */
public final class Users {

    /** The account muster itself runs as. */
    public UserId current() {
        int uid = LibC.INSTANCE.getuid();
        LibC.Passwd pw = LibC.INSTANCE.getpwuid(uid);
        return pw == null
                ? new UserId(uid, LibC.INSTANCE.getgid(), null, null)
                : new UserId(uid, pw.pw_gid, pw.pw_name, pw.pw_dir);
    }

    /** The account named by a {@code user:} value, if it exists; a bare numeric uid always resolves. */
    public Optional<UserId> find(String spec) {
        String text = spec.trim();
        if (text.matches("\\d+(:\\d+)?")) {
            String[] parts = text.split(":");
            int uid = Integer.parseInt(parts[0]);
            LibC.Passwd pw = LibC.INSTANCE.getpwuid(uid);
            int gid = parts.length > 1 ? Integer.parseInt(parts[1]) : pw != null ? pw.pw_gid : uid;
            return Optional.of(pw == null
                    ? new UserId(uid, gid, null, null)
                    : new UserId(uid, gid, pw.pw_name, pw.pw_dir));
        }
        LibC.Passwd pw = LibC.INSTANCE.getpwnam(text);
        return pw == null ? Optional.empty() : Optional.of(new UserId(pw.pw_uid, pw.pw_gid, pw.pw_name, pw.pw_dir));
    }

    /** Like {@link #find} but a missing account is a preflight failure. */
    public UserId resolve(String spec) {
        return find(spec).orElseThrow(() -> new MusterException(ExitCodes.PREFLIGHT_FAILED,
                "user \"" + spec + "\" does not exist on this machine; create it (useradd) or fix user:"));
    }
}
