package dev.muster.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupStatusTest {
    private static final Instant T = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aFailureIsCountedAndNeverReplacesTheLastSuccess() {
        BackupLedger ledger = new BackupLedger(List.of("db"));
        ledger.record(new DumpOutcome("db", DumpOutcome.Trigger.SCHEDULED, DumpOutcome.Result.WRITTEN, T,
                Duration.ofSeconds(2), "db-1.dump", 4096, ""));
        ledger.record(new DumpOutcome("db", DumpOutcome.Trigger.ON_STOP, DumpOutcome.Result.FAILED, T.plusSeconds(60),
                Duration.ofSeconds(1), null, 0, "pg_dump failed"));

        BackupStatus status = ledger.snapshot().get(0);
        assertThat(status.lastSuccessAt()).isEqualTo(T);
        assertThat(status.lastSize()).isEqualTo(4096);
        assertThat(status.lastDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(status.lastResult()).isEqualTo(DumpOutcome.Result.FAILED);
        assertThat(status.lastDetail()).isEqualTo("pg_dump failed");
        assertThat(status.failures()).isEqualTo(1);
    }

    @Test
    void everyRecordedAttemptIsToldToTheListeners() {
        BackupLedger ledger = new BackupLedger(List.of("db"));
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        ledger.addListener(told::incrementAndGet);

        ledger.record(new DumpOutcome("db", DumpOutcome.Trigger.SCHEDULED, DumpOutcome.Result.SKIPPED, T,
                Duration.ZERO, null, 0, "no tables"));
        ledger.record(new DumpOutcome("db", DumpOutcome.Trigger.ON_STOP, DumpOutcome.Result.WRITTEN, T.plusSeconds(9),
                Duration.ofSeconds(1), "db-2.dump", 10, ""));

        assertThat(told).hasValue(2);
        assertThat(ledger.snapshot().get(0).lastFile()).isEqualTo("db-2.dump");
    }

    @Test
    void theNextPeriodicDumpFollowsTheLastStartByOnePeriodOrAtOnceWhenLate() {
        assertThat(BackupScheduler.delay(T, Duration.ofMinutes(15), T.plusSeconds(60))).isEqualTo(Duration.ofMinutes(14));
        assertThat(BackupScheduler.delay(T, Duration.ofMinutes(15), T.plus(Duration.ofMinutes(20)))).isZero();
    }

    @Test
    void roleScriptsSplitIntoStatementsWithoutComments() {
        assertThat(RoleScript.statements("""
                --
                -- PostgreSQL database cluster dump
                --

                SET default_transaction_read_only = off;
                CREATE ROLE app;
                ALTER ROLE app WITH NOSUPERUSER LOGIN PASSWORD 'SCRAM-SHA-256$4096:x';
                COMMENT ON ROLE app IS 'two
                lines;';
                """)).containsExactly("SET default_transaction_read_only = off;", "CREATE ROLE app;",
                "ALTER ROLE app WITH NOSUPERUSER LOGIN PASSWORD 'SCRAM-SHA-256$4096:x';",
                "COMMENT ON ROLE app IS 'two\nlines;';");
    }
}
