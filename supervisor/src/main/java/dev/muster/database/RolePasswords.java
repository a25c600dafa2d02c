package dev.muster.database;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PasswordUtil;

/**
 * Whether a role's stored password ({@code pg_authid.rolpassword}) is a given password, without
 * sending the password anywhere: a {@code SCRAM-SHA-256$ITER:SALT$STORED:SERVER} verifier is
 * recomputed with its own iterations and salt, an {@code md5} one from the role's name. A missing
 * or unknown form never matches (so the password is set again).
 */
final class RolePasswords {
    private static final Pattern SCRAM = Pattern.compile("SCRAM-SHA-256\\$(\\d+):([^$]+)\\$.*");

    private RolePasswords() {
    }

    static boolean matches(String stored, String role, String password) {
        if (stored == null) {
            return false;
        }
        Matcher scram = SCRAM.matcher(stored);
        if (scram.matches()) {
            byte[] salt;
            try {
                salt = Base64.getDecoder().decode(scram.group(2));
            } catch (IllegalArgumentException e) {
                return false;
            }
            int iterations = Integer.parseInt(scram.group(1));
            return PasswordUtil.encodeScramSha256(password.toCharArray(), iterations, salt).equals(stored);
        }
        if (stored.startsWith("md5")) {
            return PasswordUtil.encodeMd5(role, password.toCharArray()).equals(stored);
        }
        return false;
    }
}
