package dev.muster.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.process.ExitStatus;
import dev.muster.profile.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {
    @Test
    void showsEveryServiceWithTimeToReadyAndMarksOptionalFailuresDegraded() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<ServiceStatus> services = List.of(
                new ServiceStatus("postgres", Kind.SERVICE, true, ServiceState.READY, 42, t0, t0.plusMillis(1200),
                        "127.0.0.1:5432", 0, ""),
                new ServiceStatus("frontend", Kind.SERVICE, false, ServiceState.FAILED, 43, t0, null, "-", 0, "boom"));

        List<String> lines = new SummaryTable().render(services);

        assertThat(lines.get(0)).startsWith("SERVICE").contains("KIND", "STATE", "PID", "READY IN", "ADDRESS", "RESTARTS");
        assertThat(lines.get(1)).contains("postgres", "service", "ready", "42", "1.20s", "127.0.0.1:5432");
        assertThat(lines.get(2)).contains("frontend", "degraded");
    }

    @Test
    void failureReportNamesWaitersAndShowsTheTail() {
        Failure failure = new Failure("backend", new Cause.ExitedBeforeReady(new ExitStatus(3), Duration.ofMillis(840), ""));

        List<String> lines = new FailureReport().render(failure, true, List.of("frontend"),
                List.of("ValueError: Unable to configure handler 'file'"), 12);

        assertThat(lines.get(0)).isEqualTo("FAILED backend failed: exited with code 3 before it was ready (ran 840ms)."
                + " Fix the cause shown in its log below, then start the stack again.");
        assertThat(lines).contains("  waiting on it: frontend", "  last 1 of 12 log lines of backend:",
                "  > ValueError: Unable to configure handler 'file'");
    }
}
