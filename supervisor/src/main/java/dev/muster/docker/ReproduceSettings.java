package dev.muster.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code muster reproduce} builds, runs and checks.
 *
 * @param dockerfile   the Dockerfile (inside {@code context})
 * @param context      the build context
 * @param buildArgs    {@code --build-arg} values, such as {@code BASE_IMAGE}
 * @param tag          the tag given to the built image
 * @param port         the container port of muster's control plane ({@code /health}); published on a free loopback port
 * @param dataPath     where the named volume is mounted in the container (the image's data volume)
 * @param restarts     how many times the container is restarted after the first boot
 * @param probe        the data probe's command inside the container; empty for none
 * @param bootTimeout  how long one boot may take to reach {@code /health} 200
 * @param stopTimeout  how long {@code docker stop} waits before SIGKILL (a database needs time for its checkpoint)
 * @param keep         leave the container and the volume behind for inspection
 * @param ephemeral    how a Space restarts: every start is a NEW container without the data volume,
 *                     only {@code bucket} bind-mounted at {@code bucketPath}; null for restarts of one
 *                     container on one named volume
 */
public record ReproduceSettings(Path dockerfile, Path context, Map<String, String> buildArgs, String tag, int port,
                                String dataPath, int restarts, List<String> probe, Duration bootTimeout,
                                Duration stopTimeout, boolean keep, Ephemeral ephemeral) {
    public ReproduceSettings {
        Objects.requireNonNull(dockerfile, "dockerfile");
        Objects.requireNonNull(context, "context");
        buildArgs = Map.copyOf(buildArgs);
        probe = List.copyOf(probe);
    }

    /**
     * {@code --ephemeral}: the bucket a fresh container gets, as on a Hugging Face Space.
     *
     * @param bucket     the host directory (absolute; on the Docker engine's machine)
     * @param bucketPath where it is mounted in the container (the image's {@code BUCKET_DIR})
     * @param temporary  made by reproduce for this run: removed at the end unless {@code keep}
     */
    public record Ephemeral(Path bucket, String bucketPath, boolean temporary) {
        public Ephemeral {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(bucketPath, "bucketPath");
        }
    }
}
