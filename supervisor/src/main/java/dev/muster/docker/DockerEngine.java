package dev.muster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The connection to the Docker engine: {@code DOCKER_HOST} from muster's environment, else the
 * local socket. The client is created on first use, so a stack without containers never touches
 * Docker. No API version is forced (docker-java negotiates; engine 20.10 and later work).
 */
public final class DockerEngine implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String host;
    private DockerClient client;

    /** @param environment muster's environment; {@code DOCKER_HOST} picks the engine */
    public DockerEngine(Map<String, String> environment) {
        this.host = environment.getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
    }

    /** Where the engine is expected, for messages. */
    public String host() {
        return host;
    }

    /** The client, created on the first call. */
    public synchronized DockerClient client() {
        if (client == null) {
            DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
            ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                    .sslConfig(config.getSSLConfig()).connectionTimeout(CONNECT_TIMEOUT).maxConnections(200).build();
            client = DockerClientImpl.getInstance(config, http);
        }
        return client;
    }

    /**
     * Asks the engine for its version.
     *
     * @throws MusterException (exit 3) when it does not answer
     */
    public String ping() {
        try {
            return client().versionCmd().exec().getVersion();
        } catch (RuntimeException e) {
            throw new MusterException(ExitCodes.PREFLIGHT_FAILED, unreachable(e));
        }
    }

    /** "the Docker engine at ... is not reachable (...); start it ..." */
    public String unreachable(Throwable e) {
        return "the Docker engine at " + host + " is not reachable (" + EngineErrors.reason(e)
                + "); start it (systemctl start docker, or dockerd &) or point DOCKER_HOST at a running engine";
    }

    /** Whether {@code e} means the engine could not be reached at all (not an error it answered with). */
    static boolean isUnreachable(Throwable e) {
        return !(e instanceof DockerException) && (e instanceof IOException || e.getCause() instanceof IOException
                || e.getCause() != null && isUnreachable(e.getCause()));
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                // Nothing is left to release that matters at shutdown.
            }
            client = null;
        }
    }
}
