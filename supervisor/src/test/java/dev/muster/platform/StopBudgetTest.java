package dev.muster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopBudgetTest {
    @TempDir
    Path dir;
    StopPlan plan;

    @BeforeEach
    void plan() throws Exception {
        var profile = ProfileFiles.load(dir, ProfileFiles.stack("/data/pg", """
                backups:
                  db: { database: { port: 5432, name: app }, to: %s }
                """.formatted(dir.resolve("bucket"))), Map.of());
        plan = StopPlan.of(profile, backup -> Duration.ofSeconds(5));
    }

    @Test
    void theWorstCaseIsTheAppThenTheDumpThenPostgres() {
        assertThat(plan.stages().keySet()).containsExactly("app", "schema", "postgres");
        assertThat(plan.stages().get("postgres").dump()).isEqualTo(Duration.ofSeconds(5));
        assertThat(plan.total()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aPlanThatFitsKeepsEveryTimeout() {
        Map<String, StopBudget.Allotment> time = StopBudget.allot(plan, Duration.ofSeconds(60));

        assertThat(time.get("app").stop()).isEqualTo(Duration.ofSeconds(10));
        assertThat(time.get("postgres")).isEqualTo(new StopBudget.Allotment(Duration.ofSeconds(5), Duration.ofSeconds(30)));
    }

    @Test
    void theApplicationIsCutFirst() {
        Map<String, StopBudget.Allotment> time = StopBudget.allot(plan, Duration.ofSeconds(38));

        assertThat(time.get("app").stop()).isBetween(Duration.ofMillis(2990), Duration.ofSeconds(3));
        assertThat(time.get("postgres")).isEqualTo(new StopBudget.Allotment(Duration.ofSeconds(5), Duration.ofSeconds(30)));
        assertThat(plan.ends(time).get("postgres")).isLessThanOrEqualTo(Duration.ofSeconds(38));
    }

    @Test
    void thenTheDumpAndPostgresShutdownIsCutLast() {
        Map<String, StopBudget.Allotment> time = StopBudget.allot(plan, Duration.ofSeconds(32));
        assertThat(time.get("app").stop()).isZero();
        assertThat(time.get("postgres").dump()).isBetween(Duration.ofMillis(1990), Duration.ofSeconds(2));
        assertThat(time.get("postgres").stop()).isEqualTo(Duration.ofSeconds(30));

        Map<String, StopBudget.Allotment> tight = StopBudget.allot(plan, Duration.ofSeconds(20));
        assertThat(tight.get("postgres").dump()).isZero();
        assertThat(tight.get("postgres").stop()).isBetween(Duration.ofMillis(19_990), Duration.ofSeconds(20));
    }
}
