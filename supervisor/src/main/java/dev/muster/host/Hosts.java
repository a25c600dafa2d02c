package dev.muster.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's host name, from the kernel ({@code /proc/sys/kernel/hostname}), as {@code hostname} prints it. */
final class Hosts {
    private Hosts() {
    }

    static String name() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "unknown" : env;
        }
    }
}
