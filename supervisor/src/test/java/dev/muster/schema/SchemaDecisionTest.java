package dev.muster.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaDecisionTest {
    @TempDir
    Path dir;
    BootstrapFile file;

    @BeforeEach
    void setUp() throws IOException {
        file = BootstrapFile.read(Files.writeString(dir.resolve("database_schema.sql"),
                "DROP SCHEMA IF EXISTS core CASCADE;\nCREATE SCHEMA core;\nCREATE TABLE core.t (id int);\n"));
    }

    private static DatabaseState state(int core, int audit, DatabaseState.Applied applied) {
        Map<String, Integer> tables = new LinkedHashMap<>();
        tables.put("core", core);
        tables.put("audit", audit);
        return new DatabaseState(tables, applied);
    }

    private DatabaseState.Applied applied(String sha) {
        return new DatabaseState.Applied("database_schema.sql", sha, Instant.parse("2025-01-02T03:04:05Z"), "box");
    }

    @Test
    void appliesOnlyWhenNoListedSchemaHasATableAndNothingWasApplied() {
        Verdict verdict = SchemaDecision.decide("stackdb", state(0, 0, null), file);

        assertThat(verdict.action()).isEqualTo(Verdict.Action.APPLY);
        assertThat(verdict.message()).isEqualTo("database stackdb has no tables in core, audit; applying"
                + " database_schema.sql in one transaction");
    }

    @Test
    void leavesAPopulatedDatabaseAloneAndSaysItIsANormalRestart() {
        Verdict verdict = SchemaDecision.decide("stackdb", state(3, 1, applied(file.sha256())), file);

        assertThat(verdict.action()).isEqualTo(Verdict.Action.ALREADY_INITIALISED);
        assertThat(verdict.message()).startsWith("database stackdb has 4 tables in core (3), audit (1); not applying"
                        + " database_schema.sql (it contains DROP SCHEMA IF EXISTS core CASCADE; at line 1)")
                .endsWith("Nothing to do: this is a normal restart");
    }

    @Test
    void leavesAPopulatedDatabaseWithoutHistoryAlone() {
        assertThat(SchemaDecision.decide("stackdb", state(3, 1, null), file).message())
                .contains("not applied by muster").endsWith("normal restart");
    }

    @Test
    void refusesAPartlyInitialisedDatabase() {
        Verdict verdict = SchemaDecision.decide("stackdb", state(3, 0, null), file);

        assertThat(verdict.action()).isEqualTo(Verdict.Action.REFUSE_PARTIAL);
        assertThat(verdict.action().refuses()).isTrue();
        assertThat(verdict.message()).contains("partly initialised: 3 tables in core (3), but none in audit")
                .contains("refusing to apply database_schema.sql");
    }

    @Test
    void warnsWhenTheFileChangedSinceItWasAppliedAndDoesNotApplyIt() {
        Verdict verdict = SchemaDecision.decide("stackdb", state(3, 1, applied("0123456789abcdef")), file);

        assertThat(verdict.action()).isEqualTo(Verdict.Action.FILE_CHANGED);
        assertThat(verdict.action().refuses()).isFalse();
        assertThat(verdict.message()).contains("WARNING: database_schema.sql changed since database_schema.sql was"
                + " applied at 2025-01-02 03:04:05Z (sha256 0123456789ab, now " + file.shortSha() + ")");
    }

    @Test
    void refusesToReapplyWhenHistoryExistsButTheTablesAreGone() {
        Verdict verdict = SchemaDecision.decide("stackdb", state(0, 0, applied(file.sha256())), file);

        assertThat(verdict.action()).isEqualTo(Verdict.Action.REFUSE_EMPTIED);
        assertThat(verdict.message()).contains("its tables were dropped").contains("DELETE FROM muster.schema_history");
    }
}
