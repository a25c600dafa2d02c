package dev.muster.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.backup.BackupStatus;
import dev.muster.backup.DumpOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusDocumentBackupsTest {
    private static final Instant WRITTEN = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant FAILED = Instant.parse("2026-01-01T10:15:00Z");
    private final Json json = new Json();

    @Test
    void eachBackupShowsItsLastSuccessSizeDurationFileAndFailures() {
        BackupReport report = BackupReport.of(new BackupStatus("db", WRITTEN, 123_456, Duration.ofMillis(840),
                "db-20260101T100000Z-host-ab12.dump", FAILED, DumpOutcome.Result.FAILED,
                "pg_dump: connection to server failed", 1), Path.of("/mnt/bucket/backups"), text -> text);

        StatusDocument read = json.read(json.pretty(document(List.of(report))), StatusDocument.class);

        assertThat(read.backups()).containsExactly(new BackupReport("db", "/mnt/bucket/backups", "2026-01-01T10:00:00Z",
                123_456, 840, "db-20260101T100000Z-host-ab12.dump", "2026-01-01T10:15:00Z", "failed",
                "pg_dump: connection to server failed", 1));
    }

    @Test
    void aBackupWithoutAnAttemptYetHasNullTimesAndNoFailures() {
        BackupReport report = BackupReport.of(new BackupStatus("db", null, 0, null, null, null, null, null, 0),
                Path.of("/b"), text -> text);

        assertThat(report.lastSuccessAt()).isNull();
        assertThat(report.lastResult()).isNull();
        assertThat(report.lastDetail()).isEmpty();
        assertThat(json.compact(document(List.of(report)))).contains("\"backups\":[{\"name\":\"db\",\"to\":\"/b\","
                + "\"lastSuccessAt\":null");
    }

    @Test
    void theDetailGoesThroughTheRedactorButPathsStay() {
        BackupReport report = BackupReport.of(new BackupStatus("db", null, 0, null, null, FAILED,
                DumpOutcome.Result.FAILED, "password s3cret rejected", 1), Path.of("/mnt/s3cret-bucket"),
                text -> text.replace("s3cret", "***"));

        assertThat(report.lastDetail()).isEqualTo("password *** rejected");
        assertThat(report.to()).isEqualTo("/mnt/s3cret-bucket");
    }

    @Test
    void aRecordWrittenBeforeBackupsWereReportedIsStillRead() {
        String old = """
                {"stack":"shop","source":"shop.yaml","pid":7,"control":"","health":"stopped","phases":[],
                 "services":[],"ended":null,"futureField":{"x":1}}
                """;

        StatusDocument read = json.read(old, StatusDocument.class);

        assertThat(read.backups()).isEmpty();
        assertThat(new StatusReport(ZoneOffset.UTC).backups(read)).isEmpty();
    }

    @Test
    void statusPrintsALinePerBackup() {
        BackupReport written = new BackupReport("db", "/mnt/bucket", "2026-01-01T10:00:00Z", 2048, 1500, "db-1.dump",
                "2026-01-01T10:00:00Z", "written", "", 0);
        BackupReport failing = new BackupReport("audit", "/mnt/bucket", null, 0, 0, null, "2026-01-01T10:15:00Z",
                "failed", "pg_dump exited 1", 2);

        List<String> lines = new StatusReport(ZoneOffset.UTC).backups(document(List.of(written, failing)));

        assertThat(lines).containsExactly(
                "backup db to /mnt/bucket: last dump 2026-01-01 10:00:00, db-1.dump (2048 bytes in 1.50s); 0 failed",
                "backup audit to /mnt/bucket: no dump yet in this run; 2 failed; latest attempt 2026-01-01 10:15:00"
                        + " failed: pg_dump exited 1");
    }

    private static StatusDocument document(List<BackupReport> backups) {
        return new StatusDocument("shop", "shop.yaml", 7, "", "ready", List.of(), List.of(), null, backups);
    }
}
