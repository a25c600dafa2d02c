package dev.muster.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mounts of muster's mount namespace, parsed from {@code /proc/self/mountinfo} (proc(5): fields
 * 5 = mount point, then after the {@code -} separator the file system type and the source; spaces
 * and other specials in paths are octal escapes such as {@code \040}).
 */
public final class MountTable {
    public static final Path PROC = Path.of("/proc/self/mountinfo");

    private final List<Mount> mounts;

    public MountTable(List<Mount> mounts) {
        this.mounts = List.copyOf(mounts);
    }

    /** This process's mounts; empty when /proc is not readable (then no mount check refuses anything). */
    public static MountTable read() {
        try {
            return parse(Files.readString(PROC));
        } catch (IOException e) {
            return new MountTable(List.of());
        }
    }

    public static MountTable parse(String mountinfo) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            String[] fields = line.strip().split(" ");
            int separator = List.of(fields).indexOf("-");
            if (fields.length < 5 || separator < 6 || separator + 1 >= fields.length) {
                continue;
            }
            String source = separator + 2 < fields.length ? unescape(fields[separator + 2]) : "";
            mounts.add(new Mount(Path.of(unescape(fields[4])), fields[separator + 1], source));
        }
        return new MountTable(mounts);
    }

    /** The mount that holds {@code path}: the longest mount point that is a prefix; the later one wins a tie. */
    public Optional<Mount> mountOf(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Mount best = null;
        for (Mount mount : mounts) {
            if (absolute.startsWith(mount.mountPoint())
                    && (best == null || mount.mountPoint().getNameCount() >= best.mountPoint().getNameCount())) {
                best = mount;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
