package dev.muster.profile;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * A POSIX permission mode such as {@code 0755}, or with setuid (4), setgid (2) or sticky (1) in
 * front such as {@code 2775} (a shared directory whose new files keep its group).
 *
 * @param bits the mode bits, 0 to 07777
 */
public record FileMode(int bits) {
    private static final PosixFilePermission[] ORDER = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    public FileMode {
        if (bits < 0 || bits > 07777) {
            throw new IllegalArgumentException("mode must be between 0000 and 7777: " + Integer.toOctalString(bits));
        }
    }

    /** Parses an octal string such as "0755", "600", "2775" or "01777". */
    public static FileMode parse(String octal) {
        if (!isOctal(octal)) {
            throw new IllegalArgumentException("not an octal mode like \"0755\": " + octal);
        }
        return new FileMode(Integer.parseInt(octal, 8));
    }

    /** Whether {@code text} is three or four octal digits, optionally after a leading 0. */
    public static boolean isOctal(String text) {
        return text.matches("0?[0-7]{3,4}");
    }

    /** Whether setuid, setgid or sticky is set, which {@link #permissions()} cannot express. */
    public boolean hasSpecialBits() {
        return (bits & 07000) != 0;
    }

    /** The mode for a regular file below a recursive directory: read/write bits, execute only if {@code executable}. */
    public FileMode forFile(boolean executable) {
        return new FileMode(executable ? bits & 0777 : bits & 0666);
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
        return hasSpecialBits() ? String.format("%04o", bits) : String.format("0%03o", bits);
    }
}
