package dev.muster.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineErrorsTest {
    private final DockerEngine engine = new DockerEngine(Map.of("DOCKER_HOST", "unix:///run/test.sock"));

    @Test
    void aPortClashNamesThePortAndTheFix() {
        var clash = new InternalServerErrorException("Status 500: {\"message\":\"driver failed programming external connectivity"
                + " on endpoint local-redis: Bind for 127.0.0.1:6379 failed: port is already allocated\"}\n");

        assertThat(EngineErrors.launchFailed("redis", "redis:7", engine, clash).getMessage())
                .startsWith("host port 6379 is already in use (driver failed programming")
                .endsWith("or change services.redis.ports");
    }

    @Test
    void aMissingImageSaysToPullOrBuildIt() {
        var missing = new NotFoundException("Status 404: {\"message\":\"No such image: redis:7\"}");

        assertThat(EngineErrors.launchFailed("redis", "redis:7", engine, missing).getMessage())
                .isEqualTo("image redis:7 is not present locally (muster does not pull images); pull it (docker pull redis:7)"
                        + " or build it (docker build -t redis:7 .)");
    }

    @Test
    void anUnreachableEngineSaysWhereItWasLookedFor() {
        var refused = new RuntimeException(new IOException("Connection refused"));

        assertThat(EngineErrors.launchFailed("redis", "redis:7", engine, refused).getMessage())
                .isEqualTo("the Docker engine at unix:///run/test.sock is not reachable (Connection refused); start it"
                        + " (systemctl start docker, or dockerd &) or point DOCKER_HOST at a running engine");
    }
}
