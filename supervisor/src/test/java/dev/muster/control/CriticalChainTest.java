package dev.muster.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriticalChainTest {
    private static final Instant BOOT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void followsTheDependencyThatBecameReadyLast() {
        StatusDocument document = document(
                service("init", true, 0, 800, List.of()),
                service("postgres", true, 810, 1000, List.of("init")),
                service("redis", true, 5, 20, List.of()),
                service("backend", true, 1005, 1300, List.of("postgres", "redis")),
                service("frontend", false, 1310, 1900, List.of("backend")));

        CriticalChain chain = CriticalChain.of(document).orElseThrow();

        assertThat(chain.links()).extracting(CriticalChain.Link::name).containsExactly("backend", "postgres", "init");
        assertThat(chain.total()).isEqualTo(Duration.ofMillis(1300));
        assertThat(chain.links().get(1).start()).isEqualTo(Duration.ofMillis(810));
        assertThat(chain.links().get(1).took()).isEqualTo(Duration.ofMillis(190));
        assertThat(chain.render()).hasSize(4).element(1).asString().startsWith("backend").contains("start +1.01s", "ready +1.30s", "took 295ms");
        assertThat(chain.render().get(2)).startsWith("└─postgres");
        assertThat(chain.render().get(3)).startsWith("  └─init");
    }

    @Test
    void aLaterRestartDoesNotCountAsTheBoot() {
        ServiceReport restarted = new ServiceReport("backend", "service", true, "READY", "ready", 2, null,
                BOOT.plusMillis(9000).toString(), BOOT.plusMillis(9120).toString(), 120L, "-", 1, "", List.of("db"),
                BOOT.plusMillis(1000).toString(), BOOT.plusMillis(2290).toString());
        StatusDocument document = document(service("db", true, 0, 900, List.of()), restarted);

        CriticalChain chain = CriticalChain.of(document).orElseThrow();

        assertThat(chain.total()).isEqualTo(Duration.ofMillis(2290));
        assertThat(chain.links().get(0).start()).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void isEmptyWhileNothingIsReady() {
        StatusDocument document = document(new ServiceReport("a", "service", true, "STARTING", "starting", 1, null,
                BOOT.toString(), null, null, "-", 0, "", List.of(), null, null));

        assertThat(CriticalChain.of(document)).isEmpty();
    }

    private static StatusDocument document(ServiceReport... services) {
        return new StatusDocument("s", "s.yaml", 1, "", "ready",
                List.of(new StatusDocument.Phase("boot", BOOT.toString(), "")), List.of(services), null);
    }

    private static ServiceReport service(String name, boolean required, long start, long ready, List<String> deps) {
        return new ServiceReport(name, "service", required, "READY", "ready", 1, null, BOOT.plusMillis(start).toString(),
                BOOT.plusMillis(ready).toString(), ready - start, "-", 0, "", deps, null, null);
    }
}
