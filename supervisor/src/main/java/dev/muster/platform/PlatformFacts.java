package dev.muster.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What follows from the platform muster runs on.
 *
 * @param platform     which one
 * @param user         the user the container runs as there
 * @param port         where the public port comes from
 * @param disk         whether the container's disk persists, in words
 * @param diskPersists false when the local disk is known to be lost on every restart (Spaces)
 * @param grace        the time between SIGTERM and SIGKILL
 * @param graceSource  where {@code grace} comes from ("grace: in the profile", "Render's default", ...)
 * @param graceSetting what to change to get more time, with a placeholder {@code N} for the seconds
 */
public record PlatformFacts(Platform platform, String user, String port, String disk, boolean diskPersists,
                            Duration grace, String graceSource, String graceSetting) {
    static final String RAILWAY_DRAINING = "RAILWAY_DEPLOYMENT_DRAINING_SECONDS";

    public PlatformFacts {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(grace, "grace");
    }

    /**
     * Recognises the platform from muster's environment; {@code profileGrace} ({@code grace:}, null when
     * unset) overrides what the platform is known to give.
     */
    public static PlatformFacts detect(Map<String, String> env, Duration profileGrace) {
        PlatformFacts known = known(env);
        if (profileGrace == null) {
            return known;
        }
        return new PlatformFacts(known.platform, known.user, known.port, known.disk, known.diskPersists, profileGrace,
                "grace: in the profile", known.graceSetting);
    }

    private static PlatformFacts known(Map<String, String> env) {
        if (set(env, "SPACE_ID")) {
            return new PlatformFacts(Platform.SPACES, "uid 1000, not root", "app_port in README.md (default 7860)",
                    "the local disk is lost on every restart; only a Storage Bucket (hf-mount) keeps files", false,
                    Duration.ofSeconds(10), "not documented by Spaces; Docker's default assumed",
                    "nothing on Spaces; keep the stop plan under 10s");
        }
        if (set(env, "RAILWAY_ENVIRONMENT_NAME")) {
            String draining = env.getOrDefault(RAILWAY_DRAINING, "").strip();
            Duration grace = draining.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(draining)) : Duration.ZERO;
            return new PlatformFacts(Platform.RAILWAY, "root unless the image sets USER", "PORT",
                    "only a Railway volume persists", true, grace,
                    draining.matches("\\d+") ? RAILWAY_DRAINING + "=" + draining : RAILWAY_DRAINING + " is unset",
                    "set " + RAILWAY_DRAINING + "=N");
        }
        if (set(env, "RENDER")) {
            return new PlatformFacts(Platform.RENDER, "root unless the image sets USER", "PORT (default 10000)",
                    "only a Render persistent disk persists", true, Duration.ofSeconds(30),
                    "Render's default maxShutdownDelaySeconds", "set maxShutdownDelaySeconds: N (at most 300) in render.yaml");
        }
        return new PlatformFacts(Platform.DOCKER, "as docker run --user says", "what docker run -p publishes",
                "only volumes and bind mounts persist", true, Duration.ofSeconds(10), "docker stop's default",
                "run docker stop -t N (or stop_grace_period: Ns in compose, --stop-timeout N on docker run)");
    }

    /** The setting to change, for {@code seconds}. */
    public String settingFor(long seconds) {
        return graceSetting.replace("=N", "=" + seconds).replace(" N ", " " + seconds + " ").replace(": N", ": " + seconds)
                .replace("Ns", seconds + "s");
    }

    private static boolean set(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
