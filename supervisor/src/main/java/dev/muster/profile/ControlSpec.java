package dev.muster.profile;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The control plane.
 *
 * @param listen    host:port of the HTTP server (default 127.0.0.1:7860; port 0 picks a free port)
 * @param tail      how many log lines a failure report shows (default 50)
 * @param tokenEnv  the variable that holds the bearer token ({@code token_env}), "" for none
 * @param tokenFile the file that holds the bearer token ({@code token_file}), null for none
 * @param runDir    where the boot record is kept ({@code run_dir}), null for {@link #runDirFor(String, Path)}
 * @param app       {@code app}: path prefix to upstream URL (http:// or ws://, host and port), in
 *                  declaration order; a single URL is the prefix {@code /}. Empty: muster serves only
 *                  its own endpoints, at the root
 * @param appTimeout {@code app_timeout}: how long the app may stay silent on one request before
 *                  muster answers 504 (default 60s, as nginx's proxy_read_timeout)
 * @param hold      {@code hold}: after a required failure, how long the failure page stays up before
 *                  muster exits (default 0s; SIGTERM or {@code muster down} end it at once)
 */
public record ControlSpec(String listen, int tail, String tokenEnv, Path tokenFile, Path runDir,
                          Map<String, URI> app, Duration appTimeout, Duration hold) {
    public static final String DEFAULT_LISTEN = "127.0.0.1:7860";
    public static final int DEFAULT_TAIL = 50;
    public static final Duration DEFAULT_APP_TIMEOUT = Duration.ofSeconds(60);
    /** Where muster's own endpoints live when {@code app} is set ({@code /health} stays at the root). */
    public static final String OWN_PREFIX = "/_muster";

    public ControlSpec {
        Objects.requireNonNull(listen, "listen");
        tokenEnv = tokenEnv == null ? "" : tokenEnv;
        if (tail < 0) {
            throw new IllegalArgumentException("tail must not be negative");
        }
        app = app == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(app));
        appTimeout = appTimeout == null || appTimeout.isZero() ? DEFAULT_APP_TIMEOUT : appTimeout;
        hold = hold == null ? Duration.ZERO : hold;
    }

    public ControlSpec(String listen, int tail, String tokenEnv, Path tokenFile, Path runDir) {
        this(listen, tail, tokenEnv, tokenFile, runDir, Map.of(), DEFAULT_APP_TIMEOUT, Duration.ZERO);
    }

    public ControlSpec(String listen, int tail) {
        this(listen, tail, "", null, null);
    }

    /** Whether muster fronts an app on its port ({@code control.app} is set). */
    public boolean proxies() {
        return !app.isEmpty();
    }

    /** Where muster's own endpoints are: {@link #OWN_PREFIX} when it proxies an app, else "" (the root). */
    public String ownPrefix() {
        return proxies() ? OWN_PREFIX : "";
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
