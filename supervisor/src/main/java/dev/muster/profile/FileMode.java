package dev.muster.profile;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * A POSIX permission mode such as {@code 0755}. Only the nine permission bits are supported.
 *
 * @param bits the mode bits, 0 to 0777
 */
public record FileMode(int bits) {
    private static final PosixFilePermission[] ORDER = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    public FileMode {
        if (bits < 0 || bits > 0777) {
            throw new IllegalArgumentException("mode must be between 0000 and 0777: " + Integer.toOctalString(bits));
        }
    }

    /** Parses an octal string such as "0755" or "600". */
    public static FileMode parse(String octal) {
        if (!octal.matches("0?[0-7]{3}")) {
            throw new IllegalArgumentException("not an octal mode like \"0755\": " + octal);
        }
        return new FileMode(Integer.parseInt(octal, 8));
    }

    public Set<PosixFilePermission> permissions() {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < ORDER.length; i++) {
            if ((bits & (1 << i)) != 0) {
                set.add(ORDER[i]);
            }
        }
        return set;
    }

    @Override
    public String toString() {
        return String.format("0%03o", bits);
    }
}
