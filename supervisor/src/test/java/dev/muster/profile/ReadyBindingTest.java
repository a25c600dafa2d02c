package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadyBindingTest {
    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir);
    }

    private ReadySpec ready(String ready) {
        fixture.write("p.yaml", "version: 1\nservices:\n  a:\n    command: [a]\n    ready: " + ready + "\n");
        return fixture.profile("p.yaml").services().get("a").ready();
    }

    private String problems(String ready) {
        fixture.write("p.yaml", "version: 1\nservices:\n  a:\n    command: [a]\n    ready: " + ready + "\n");
        return fixture.problems("p.yaml");
    }

    @Test
    void tcpHasAShorthandAndALongForm() {
        assertThat(ready("{ tcp: 5432 }").probe()).isEqualTo(new ProbeSpec.Tcp("127.0.0.1", 5432));
        assertThat(ready("{ tcp: { port: 6379, host: cache } }").probe()).isEqualTo(new ProbeSpec.Tcp("cache", 6379));
        assertThat(problems("{ tcp: { host: x } }")).contains("services.a.ready.tcp.port: missing; add port: 5432");
        assertThat(problems("{ tcp: 70000 }")).contains("services.a.ready.tcp: 70000 is not a whole number from 1 to 65535");
    }

    @Test
    void httpAcceptsAnyTwoHundredByDefault() {
        ProbeSpec.Http http = (ProbeSpec.Http) ready("{ http: \"http://localhost:8000/health\" }").probe();

        assertThat(http.url()).isEqualTo(URI.create("http://localhost:8000/health"));
        assertThat(http.status()).isZero();
        assertThat(http.body()).isNull();
    }

    @Test
    void httpUrlMustBeHttpOrHttps() {
        assertThat(problems("{ http: { url: \"ftp://x/y\", status: 700 } }"))
                .contains("services.a.ready.http.url: \"ftp://x/y\" is not an http or https URL")
                .contains("services.a.ready.http.status: 700 is not a whole number from 100 to 599");
    }

    @Test
    void execProbesDefaultToAnIntervalOf200ms() {
        ReadySpec ready = ready("{ exec: [pg_isready, -q] }");

        assertThat(ready.probe()).isEqualTo(new ProbeSpec.Exec(List.of("pg_isready", "-q"), false));
        assertThat(ready.interval()).isEqualTo(Duration.ofMillis(200));
        assertThat(ready("{ exec: { command: \"test -f /x\", shell: true }, interval: 1s }"))
                .isEqualTo(new ReadySpec(new ProbeSpec.Exec(List.of("test -f /x"), true),
                        ReadySpec.DEFAULT_TIMEOUT, Duration.ofSeconds(1), Duration.ZERO));
    }

    @Test
    void logProbeCountsMatches() {
        ProbeSpec.Log log = (ProbeSpec.Log) ready("{ log: { pattern: \"ready to accept\", times: 2 } }").probe();

        assertThat(log.pattern().pattern()).isEqualTo("ready to accept");
        assertThat(log.times()).isEqualTo(2);
    }

    @Test
    void invalidRegexIsReportedWithTheRegexError() {
        assertThat(problems("{ log: \"started (pid\" }"))
                .contains("services.a.ready.log: \"started (pid\" is not a valid regular expression (Unclosed group");
    }

    @Test
    void onlyOneProbeIsAllowed() {
        assertThat(problems("{ tcp: 1, http: \"http://x\" }"))
                .contains("services.a.ready: has tcp and http probes; keep exactly one of them");
    }

    @Test
    void postgresAndRedisAreProbesLikeTheOthers() {
        assertThat(problems("{ postgres: { port: 5432 }, redis: 6379 }"))
                .contains("services.a.ready: has postgres and redis probes; keep exactly one of them");
    }

    @Test
    void withoutAProbeItIsReadyWhenStartedButKeepsTheTimings() {
        ReadySpec ready = ready("{ timeout: 2m, start_period: 0 }");

        assertThat(ready.hasProbe()).isFalse();
        assertThat(ready.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(ready.interval()).isEqualTo(ReadySpec.DEFAULT_INTERVAL);
        assertThat(ready.startPeriod()).isZero();
    }
}
