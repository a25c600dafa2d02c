package dev.muster.profile;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The control plane.
 *
 * @param listen    host:port of the HTTP server (default 127.0.0.1:7860; port 0 picks a free port)
 * @param tail      how many log lines a failure report shows (default 50)
 * @param tokenEnv  the variable that holds the bearer token ({@code token_env}), "" for none
 * @param tokenFile the file that holds the bearer token ({@code token_file}), null for none
 * @param runDir    where the boot record is kept ({@code run_dir}), null for {@link #runDirFor(String, Path)}
 */
public record ControlSpec(String listen, int tail, String tokenEnv, Path tokenFile, Path runDir) {
    public static final String DEFAULT_LISTEN = "127.0.0.1:7860";
    public static final int DEFAULT_TAIL = 50;

    public ControlSpec {
        Objects.requireNonNull(listen, "listen");
        tokenEnv = tokenEnv == null ? "" : tokenEnv;
        if (tail < 0) {
            throw new IllegalArgumentException("tail must not be negative");
        }
    }

    public ControlSpec(String listen, int tail) {
        this(listen, tail, "", null, null);
    }

    public static ControlSpec defaults() {
        return new ControlSpec(DEFAULT_LISTEN, DEFAULT_TAIL);
    }

    /** The host part of {@code listen}, without IPv6 brackets. */
    public String host() {
        String host = listen.substring(0, listen.lastIndexOf(':'));
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    public int port() {
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    /** Whether {@code listen} is a loopback address (a name that does not resolve counts as not loopback). */
    public boolean loopback() {
        try {
            return InetAddress.getByName(host()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether a token source is configured. */
    public boolean hasToken() {
        return !tokenEnv.isEmpty() || tokenFile != null;
    }

    /**
     * {@code runDir}, or {@code /tmp/muster/NAME-HASH} (see {@link #runRoot()}) for the stack named {@code name} read from
     * {@code source}: HASH is the first 8 hex digits of the SHA-256 of the profile's absolute path, so
     * two different stacks that share a name never share a boot record (or a run lock).
     */
    public Path runDirFor(String name, Path source) {
        return runDir != null ? runDir : runRoot().resolve(name + "-" + pathHash(source));
    }

    /**
     * The directory that holds the default run directories: {@code /tmp/muster} for root,
     * {@code /tmp/muster-USER} for any other account (which cannot write into root's).
     */
    public static Path runRoot() {
        String user = System.getProperty("user.name", "root");
        return Path.of(System.getProperty("java.io.tmpdir"), "root".equals(user) ? "muster" : "muster-" + user);
    }

    private static String pathHash(Path source) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    source.toAbsolutePath().normalize().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
