package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.process.Signal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerBindingTest {
    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir);
    }

    private Map<String, ServiceSpec> services(String yaml) {
        return fixture.services(yaml);
    }

    private String problems(String yaml) {
        return fixture.servicesProblems(yaml);
    }

    @Test
    void imageMakesAContainerServiceWhoseCommandIsOptional() {
        ServiceSpec redis = services("""
                  redis:
                    image: redis:7
                    ports: ["127.0.0.1:16379:6379", "6380"]
                    volumes: [redisdata:/data, "./conf:/etc/redis:ro"]
                    env: { A: "1" }
                """).get("redis");

        assertThat(redis.isContainer()).isTrue();
        assertThat(redis.container()).isEqualTo(new ContainerSpec("redis:7",
                List.of("127.0.0.1:16379:6379", "6380"), List.of("redisdata:/data", "./conf:/etc/redis:ro")));
        assertThat(redis.command()).isEmpty();
        assertThat(redis.env()).containsEntry("A", "1");
    }

    @Test
    void aPostgresImageIsStoppedWithSigintByDefault() {
        Map<String, ServiceSpec> services = services("""
                  db: { image: "library/postgres:15" }
                  cache: { image: redis:7, command: [redis-server, --port, "6379"] }
                """);

        assertThat(services.get("db").stop().signal()).isEqualTo(Signal.INT);
        assertThat(services.get("cache").stop().signal()).isEqualTo(Signal.TERM);
        assertThat(services.get("cache").command()).containsExactly("redis-server", "--port", "6379");
    }

    @Test
    void badPortsAndVolumesAreProfileErrorsWithTheirIndex() {
        assertThat(problems("  r: { image: redis, ports: [\"a:b\", \"70000:1\"], volumes: [data, \"x:relative\"] }\n"))
                .contains("services.r.ports[0]: \"a:b\" is not a port mapping")
                .contains("services.r.ports[1]: \"70000:1\" is not a port mapping")
                .contains("services.r.volumes[0]: \"data\" is not a mount")
                .contains("services.r.volumes[1]: \"x:relative\" is not a mount");
    }

    @Test
    void portsWithoutImageAndUserOnAContainerAreRefused() {
        assertThat(problems("  a: { command: [a], ports: [\"80\"] }\n  b: { image: x, user: app }\n"))
                .contains("services.a.ports: only a container service has ports; add image:")
                .contains("services.b.user: a container service runs as the image's USER");
    }

    @Test
    void parsesDockerPortAndVolumeSyntax() {
        assertThat(PublishedPort.parse("127.0.0.1:16379:6379")).contains(new PublishedPort("127.0.0.1", 16379, 6379, "tcp"));
        assertThat(PublishedPort.parse("53:53/udp")).contains(new PublishedPort("", 53, 53, "udp"));
        assertThat(PublishedPort.parse("6379")).contains(new PublishedPort("", 0, 6379, "tcp"));
        assertThat(PublishedPort.parse("127.0.0.1::6379")).contains(new PublishedPort("127.0.0.1", 0, 6379, "tcp"));
        assertThat(VolumeMount.parse("pg:/var/lib/postgresql/data")).contains(new VolumeMount("pg", "/var/lib/postgresql/data", false));
        assertThat(VolumeMount.parse("./init:/init:ro").orElseThrow().isBind()).isTrue();
        assertThat(VolumeMount.parse("/a:/b:xx")).isEmpty();
    }
}
