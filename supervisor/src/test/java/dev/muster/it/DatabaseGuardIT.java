package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema guard and the migrations step, run by the real muster jar against one real PostgreSQL
 * 15 cluster; each test gets its own database.
 */
class DatabaseGuardIT {
    private static final Duration EXIT = Duration.ofSeconds(60);
    private static final String BOOTSTRAP = """
            -- The kind of file that wiped data when a shell script ran it on every failed probe.
            DROP SCHEMA IF EXISTS core CASCADE;
            DROP SCHEMA IF EXISTS audit CASCADE;
            CREATE SCHEMA core;
            CREATE SCHEMA audit;
            CREATE TABLE core.items (id serial PRIMARY KEY, name text NOT NULL);
            CREATE TABLE audit.events (id serial PRIMARY KEY, what text NOT NULL);
            INSERT INTO core.items (name) VALUES ('seed');
            """;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    static Path shared;
    static PostgresCluster cluster;

    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() {
        assumeTrue(PostgresCluster.available(), "needs PostgreSQL 15 in " + PostgresCluster.BIN + " and root");
        cluster = PostgresCluster.start(shared);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String freshDatabase() {
        return cluster.createDatabase("guard_" + DATABASES.incrementAndGet());
    }

    private Path profile(String database, Path sql, String extra) {
        return Fixtures.profile(dir, """
                version: 1
                control: { listen: "127.0.0.1:0" }   # several musters may run at once
                name: guard
                services:
                  schema:
                    kind: schema
                    database: { port: %d, user: postgres, password: "%s", name: %s }
                    schemas: [core, audit]
                    apply: %s
                %s""".formatted(cluster.port(), PostgresCluster.PASSWORD, database, Fixtures.quote(sql.toString()), extra));
    }

    private Path bootstrap(String sql) throws IOException {
        return Files.writeString(dir.resolve("schema.sql"), sql);
    }

    private static MusterRun boot(Path profile) {
        MusterRun run = MusterRun.up(profile, Map.of());
        run.awaitExit(EXIT);
        return run;
    }

    @Test
    void appliesTheFileToAnEmptyDatabaseOnceAndRecordsIt() throws IOException {
        String db = freshDatabase();
        Path profile = profile(db, bootstrap(BOOTSTRAP), "");

        try (MusterRun first = boot(profile)) {
            assertThat(first.awaitExit(EXIT)).as(first.output()).isZero();
            first.awaitLine(line("schema") + "applied schema.sql \\(sha256 \\w{12}\\) to the empty database " + db
                    + ": created 2 tables in core \\(1\\), audit \\(1\\); recorded in muster.schema_history", EXIT);
        }
        cluster.sql(db, "INSERT INTO core.items (name) VALUES ('written after boot')");
        try (MusterRun second = boot(profile)) {
            assertThat(second.awaitExit(EXIT)).as(second.output()).isZero();
            second.awaitLine(line("schema") + "database " + db + " has 2 tables in core \\(1\\), audit \\(1\\); not applying"
                    + " schema.sql \\(it contains DROP SCHEMA IF EXISTS core CASCADE; at line 2 and 1 more .*normal restart", EXIT);
        }
        assertThat(cluster.number(db, "SELECT count(*) FROM core.items")).isEqualTo(2);
        assertThat(cluster.number(db, "SELECT count(*) FROM muster.schema_history")).isEqualTo(1);
        assertThat(cluster.number(db, "SELECT count(*) FROM muster.schema_history WHERE file = 'schema.sql'"
                + " AND length(sha256) = 64 AND host <> '' AND schemas = 'core,audit' AND tables = 2")).isEqualTo(1);
    }

    @Test
    void twoGuardsRacingOnAFreshDatabaseApplyTheFileExactlyOnce() throws IOException {
        String db = freshDatabase();
        Path profile = profile(db, bootstrap(BOOTSTRAP.replace("CREATE SCHEMA core;", "CREATE SCHEMA core;\nSELECT pg_sleep(1.5);")
                .replace("DROP SCHEMA IF EXISTS core CASCADE;\nDROP SCHEMA IF EXISTS audit CASCADE;\n", "")), "");

        // Two profile files: one profile's run lock would let only one of them boot at a time.
        Path twin = Files.copy(profile, profile.resolveSibling("twin.yaml"));
        try (MusterRun one = MusterRun.up(profile, Map.of()); MusterRun two = MusterRun.up(twin, Map.of())) {
            assertThat(one.awaitExit(EXIT)).as(one.output()).isZero();
            assertThat(two.awaitExit(EXIT)).as(two.output()).isZero();
            List<MusterRun> runs = List.of(one, two);
            assertThat(runs.stream().filter(r -> r.indexOf(line("schema") + "applied schema.sql") >= 0).count())
                    .as(() -> one.transcript() + "\n" + two.transcript()).isEqualTo(1);
            assertThat(runs.stream().filter(r -> r.indexOf("normal restart") >= 0).count()).isEqualTo(1);
        }
        assertThat(cluster.number(db, "SELECT count(*) FROM muster.schema_history")).isEqualTo(1);
        assertThat(cluster.number(db, "SELECT count(*) FROM core.items")).isEqualTo(1);
    }

    @Test
    void refusesAPartlyInitialisedDatabaseWithExitOneAndChangesNothing() throws IOException {
        String db = freshDatabase();
        cluster.sql(db, "CREATE SCHEMA core; CREATE TABLE core.items (id int); INSERT INTO core.items VALUES (7)");
        Path profile = profile(db, bootstrap(BOOTSTRAP), "");

        try (MusterRun run = boot(profile)) {
            assertThat(run.awaitExit(EXIT)).as(run.output()).isEqualTo(1);
            run.awaitLine("FAILED schema failed: database " + db + " is partly initialised: 1 table in core \\(1\\),"
                    + " but none in audit; refusing to apply schema.sql \\(it contains DROP SCHEMA", EXIT);
        }
        assertThat(cluster.number(db, "SELECT count(*) FROM core.items WHERE id = 7")).isEqualTo(1);
        assertThat(cluster.number(db, "SELECT count(*) FROM pg_namespace WHERE nspname IN ('audit', 'muster')")).isZero();
    }

    @Test
    void neverRunsADestructiveBootstrapFileAgainstAPopulatedDatabase() throws IOException {
        String db = freshDatabase();
        cluster.sql(db, "CREATE SCHEMA core; CREATE SCHEMA audit; CREATE TABLE core.items (id int);"
                + " CREATE TABLE audit.events (id int); INSERT INTO core.items SELECT generate_series(1, 100)");
        Path profile = profile(db, bootstrap(BOOTSTRAP), "");

        try (MusterRun check = MusterRun.start(dir, Map.of(), "check", "-p", profile.toString())) {
            assertThat(check.awaitExit(EXIT)).as(check.output()).isZero();
            check.awaitLine("WARNING: schema.sql contains destructive statements \\[line 2: DROP SCHEMA IF EXISTS core"
                    + " CASCADE;, line 3: DROP SCHEMA IF EXISTS audit CASCADE;\\]", EXIT);
            check.awaitLine("would leave the database alone: database " + db + " has 2 tables", EXIT);
        }
        try (MusterRun run = boot(profile)) {
            assertThat(run.awaitExit(EXIT)).as(run.output()).isZero();
            run.awaitLine(line("schema") + ".*not applying schema.sql \\(it contains DROP SCHEMA IF EXISTS core"
                    + " CASCADE; at line 2.*not applied by muster.*normal restart", EXIT);
        }
        assertThat(cluster.number(db, "SELECT count(*) FROM core.items")).isEqualTo(100);
        assertThat(cluster.number(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'muster'")).isZero();
    }

    @Test
    void warnsWhenTheFileChangedSinceItWasAppliedAndDoesNotApplyItAgain() throws IOException {
        String db = freshDatabase();
        Path sql = bootstrap(BOOTSTRAP);
        Path profile = profile(db, sql, "");
        try (MusterRun first = boot(profile)) {
            assertThat(first.awaitExit(EXIT)).as(first.output()).isZero();
        }
        Files.writeString(sql, BOOTSTRAP + "CREATE TABLE core.more (id int);\n");

        try (MusterRun second = boot(profile)) {
            assertThat(second.awaitExit(EXIT)).as(second.output()).isZero();
            second.awaitLine(line("schema") + ".*WARNING: schema.sql changed since schema.sql was applied at .*the changes"
                    + " are not applied: put them in a migration", EXIT);
        }
        assertThat(cluster.tables(db, "core")).containsExactly("items");
        assertThat(cluster.number(db, "SELECT count(*) FROM muster.schema_history")).isEqualTo(1);
    }

    @Test
    void refusesToReapplyWhenTheHistorySaysAppliedButTheTablesAreGone() throws IOException {
        String db = freshDatabase();
        Path profile = profile(db, bootstrap(BOOTSTRAP), "");
        try (MusterRun first = boot(profile)) {
            assertThat(first.awaitExit(EXIT)).as(first.output()).isZero();
        }
        cluster.sql(db, "DROP SCHEMA core CASCADE; DROP SCHEMA audit CASCADE");

        try (MusterRun second = boot(profile)) {
            assertThat(second.awaitExit(EXIT)).as(second.output()).isEqualTo(1);
            second.awaitLine("FAILED schema failed: database " + db + " has no tables in core, audit, but muster applied"
                    + " schema.sql there at .*its tables were dropped", EXIT);
        }
        assertThat(cluster.number(db, "SELECT count(*) FROM pg_namespace WHERE nspname IN ('core', 'audit')")).isZero();
    }

    @Test
    void migrationsBaselineTheSchemaTheGuardAppliedAndRunOnlyLaterVersions() throws IOException {
        String db = freshDatabase();
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__initial.sql"), "CREATE TABLE core.items (id int);\n");
        Files.writeString(migrations.resolve("V2__add_price.sql"), "ALTER TABLE core.items ADD COLUMN price numeric;\n");
        Path profile = profile(db, bootstrap(BOOTSTRAP), """
                  migrate:
                    kind: migrations
                    depends_on: [schema]
                    database: { port: %d, user: postgres, password: "%s", name: %s }
                    schemas: [core]
                    directory: %s
                """.formatted(cluster.port(), PostgresCluster.PASSWORD, db, Fixtures.quote(migrations.toString())));

        try (MusterRun first = boot(profile)) {
            assertThat(first.awaitExit(EXIT)).as(first.output()).isZero();
            first.awaitLine(line("migrate") + "core already have 1 tables and no Flyway history: baselining at version 1", EXIT);
            first.awaitLine(line("migrate") + "applied 1 migrations from .*; " + db + " is at version 2", EXIT);
        }
        try (MusterRun second = boot(profile)) {
            assertThat(second.awaitExit(EXIT)).as(second.output()).isZero();
            second.awaitLine(line("migrate") + "no pending migrations in .*; " + db + " is at version 2", EXIT);
        }
        assertThat(cluster.number(db, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'core'"
                + " AND table_name = 'items' AND column_name = 'price'")).isEqualTo(1);
        assertThat(cluster.number(db, "SELECT count(*) FROM core.items")).isEqualTo(1);
    }

    @Test
    void namesTheCauseWhenTheGuardCannotConnect() throws IOException {
        Path sql = bootstrap(BOOTSTRAP);
        Path wrongPassword = Fixtures.profile(dir, """
                version: 1
                control: { listen: "127.0.0.1:0" }   # several musters may run at once
                services:
                  schema: { kind: schema, url: "postgresql://postgres:bad-pw-123@127.0.0.1:%d/postgres", apply: %s }
                """.formatted(cluster.port(), Fixtures.quote(sql.toString())));
        try (MusterRun run = boot(wrongPassword)) {
            assertThat(run.awaitExit(EXIT)).as(run.output()).isEqualTo(1);
            run.awaitLine("FAILED schema failed: the schema step cannot connect to postgres@127.0.0.1:" + cluster.port()
                    + "/postgres: authentication failed for user postgres .*the password is wrong", EXIT);
            assertThat(run.transcript()).doesNotContain("bad-pw-123");
        }
        Path unknownDatabase = Fixtures.profile(dir, """
                version: 1
                control: { listen: "127.0.0.1:0" }   # several musters may run at once
                services:
                  schema: { kind: schema, url: "postgresql://postgres:%s@127.0.0.1:%d/nope", apply: %s }
                """.formatted(PostgresCluster.PASSWORD, cluster.port(), Fixtures.quote(sql.toString())));
        try (MusterRun run = boot(unknownDatabase)) {
            assertThat(run.awaitExit(EXIT)).as(run.output()).isEqualTo(1);
            run.awaitLine("database nope does not exist on 127.0.0.1:" + cluster.port() + "; create it", EXIT);
        }
    }
}
