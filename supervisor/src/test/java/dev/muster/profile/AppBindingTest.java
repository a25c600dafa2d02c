package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppBindingTest {
    private static final String SERVICES = "services:\n  a: { command: [a] }\n";

    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir);
    }

    private ControlSpec control(String yaml) {
        fixture.write("p.yaml", "version: 1\n" + SERVICES + "control:\n" + yaml);
        return fixture.profile("p.yaml").control();
    }

    private String problems(String yaml) {
        fixture.write("p.yaml", "version: 1\n" + SERVICES + "control:\n" + yaml);
        return fixture.problems("p.yaml");
    }

    @Test
    void oneUrlIsTheAppAtTheRootAndMovesMustersOwnPathsUnderMuster() {
        ControlSpec spec = control("  app: http://127.0.0.1:3000\n");

        assertThat(spec.app()).containsExactly(Map.entry("/", URI.create("http://127.0.0.1:3000")));
        assertThat(spec.proxies()).isTrue();
        assertThat(spec.ownPrefix()).isEqualTo("/_muster");
        assertThat(spec.appTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(control("  listen: 127.0.0.1:0\n").ownPrefix()).isEmpty();
    }

    @Test
    void aMapOfPrefixesKeepsItsOrderAndWsMeansTheSameUpstream() {
        ControlSpec spec = control("""
                  app:
                    /api: http://127.0.0.1:8000
                    /socket: ws://127.0.0.1:8001/
                    /: http://localhost:3000
                  app_timeout: 5s
                  hold: 2m
                """);

        assertThat(spec.app()).containsExactly(Map.entry("/api", URI.create("http://127.0.0.1:8000")),
                Map.entry("/socket", URI.create("http://127.0.0.1:8001")), Map.entry("/", URI.create("http://localhost:3000")));
        assertThat(spec.appTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.hold()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void everyPrefixAndUpstreamIsValidatedWithItsPath() {
        String problems = problems("""
                  app:
                    api: http://127.0.0.1:8000
                    /_muster/x: http://127.0.0.1:8000
                    /a: https://127.0.0.1:8000
                    /b: http://127.0.0.1
                    /c: http://127.0.0.1:8000/base
                    /d: not a url
                """);

        assertThat(problems).contains("control.app.api: the path prefix 'api' must start with /")
                .contains("control.app./_muster/x: /_muster/x is muster's own")
                .contains("control.app./a: 'https://127.0.0.1:8000' must be http:// or ws://")
                .contains("control.app./b: 'http://127.0.0.1' needs an explicit port")
                .contains("control.app./c: 'http://127.0.0.1:8000/base' must be only scheme://host:port")
                .contains("control.app./d: 'not a url' is not a URL");
    }
}
