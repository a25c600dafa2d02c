package dev.muster.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BootSummaryTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:10Z");

    private static ServiceReport report(String name, boolean required, String state, String detail, List<String> deps) {
        return new ServiceReport(name, "service", required, state, state.toLowerCase(), 0, "2026-12-01T10:00:07Z",
                null, null, state.equals("READY") ? 1500L : null, "-", 0, detail, deps, null, null);
    }

    private static StatusDocument document(StatusDocument.Ending ended, ServiceReport... services) {
        return new StatusDocument("shop", "shop.yaml", 1, "", "booting",
                List.of(new StatusDocument.Phase("preflight", "2026-12-01T10:00:00Z", "")), List.of(services), ended);
    }

    @Test
    void showsWhatEachServiceWaitsForAndForHowLong() {
        BootSummary summary = BootSummary.of(document(null, report("db", true, "READY", "ok", List.of()),
                report("api", true, "STARTING", "connection refused\nat line 2", List.of("db")),
                report("web", true, "WAITING", "", List.of("api", "db"))), new Health("booting", Map.of()), NOW);

        assertThat(summary.status()).isEqualTo("booting");
        assertThat(summary.elapsedMs()).isEqualTo(10_000);
        assertThat(summary.failure()).isNull();
        assertThat(summary.services()).extracting(BootSummary.Entry::waitingFor)
                .containsExactly(List.of(), List.of(), List.of("api"));
        assertThat(summary.services()).extracting(BootSummary.Entry::elapsedMs).containsExactly(1500L, 3000L, 3000L);
        assertThat(summary.services().get(1).detail()).isEqualTo("connection refused");
    }

    @Test
    void namesTheFailedRequiredServiceAndItsOneLineReasonButNotAnOptionalOne() {
        BootSummary summary = BootSummary.of(document(null, report("extra", false, "FAILED", "optional broke", List.of()),
                report("api", true, "FAILED", "exited with code 3 before it was ready\ntrace...", List.of())),
                new Health("failing", Map.of()), NOW);

        assertThat(summary.status()).isEqualTo("failed");
        assertThat(summary.failure()).isEqualTo(new BootSummary.Failure("api", "exited with code 3 before it was ready"));
    }

    @Test
    void aRunThatEndedWithARequiredFailureIsFailedEvenWithoutAFailedService() {
        BootSummary summary = BootSummary.of(document(new StatusDocument.Ending("2026-12-01T10:00:09Z", 1,
                "stopped because a required service failed"), report("api", true, "STOPPED", "", List.of())),
                new Health("stopping", Map.of()), NOW);

        assertThat(summary.failure()).isEqualTo(new BootSummary.Failure("", "stopped because a required service failed"));
    }
}
