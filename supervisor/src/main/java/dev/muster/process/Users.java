package dev.muster.process;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.threads.Daemons;
import java.util.Optional;

/**
 * Resolves {@code user:} and {@code owner:} values (a name or {@code uid[:gid]}) to the account a
 * service or a file will have. As root, through the system's passwd database. Otherwise every value
 * is muster's own account: without root a process cannot switch uid or give a file away, so the same
 * profile runs unchanged as root and as an unprivileged uid (uid 1000 on Hugging Face Spaces), and
 * {@link #unprivileged()} tells the caller to say so once.
 */
public final class Users {
    /**
     * Loads libc through JNA on a short-lived thread, so that the first lookup does not wait for it:
     * JNA's first use runs {@code /sbin/ldconfig -p} (about 20 ms of waiting for a child), which can
     * overlap the command line and the profile instead. A failure is left to the first real use,
     * which reports it.
     */
    public static void loadInBackground() {
        Daemons.start("muster-libc-load", () -> {
            try {
                LibC.INSTANCE.getuid();
            } catch (LinkageError | RuntimeException e) {
                // the first lookup on the calling thread meets the same error and says what it is
            }
        });
    }

    /** Whether muster runs without root, so that {@code user:} and {@code owner:} are not applied. */
    public boolean unprivileged() {
        return LibC.INSTANCE.getuid() != 0;
    }

    /** The account muster itself runs as. */
    public UserId current() {
        int uid = LibC.INSTANCE.getuid();
        LibC.Passwd pw = LibC.INSTANCE.getpwuid(uid);
        return pw == null
                ? new UserId(uid, LibC.INSTANCE.getgid(), null, null)
                : new UserId(uid, pw.pw_gid, pw.pw_name, pw.pw_dir);
    }

    /**
     * The account named by a {@code user:} value, if it exists (a bare numeric uid always resolves);
     * without root, muster's own account whatever the value.
     */
    public Optional<UserId> find(String spec) {
        if (unprivileged()) {
            return Optional.of(current());
        }
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
