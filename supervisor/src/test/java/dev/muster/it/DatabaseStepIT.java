package dev.muster.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.muster.MusterException;
import dev.muster.database.DatabaseSetupStep;
import dev.muster.database.PgConnector;
import dev.muster.profile.DatabaseSetupSpec;
import dev.muster.profile.DatabaseSpec;
import dev.muster.profile.Kind;
import dev.muster.profile.ReadySpec;
import dev.muster.profile.ServiceSpec;
import dev.muster.profile.StopSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kind: database} against a fresh real PostgreSQL 15 cluster: created, then nothing to do. */
class DatabaseStepIT {
    @TempDir
    static Path shared;
    static PostgresCluster cluster;

    private final DatabaseSetupStep step = new DatabaseSetupStep(new PgConnector());
    private final List<String> log = new ArrayList<>();

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

    private static ServiceSpec step(DatabaseSetupSpec setup) {
        return new ServiceSpec("app-db", Kind.DATABASE, List.of(), false, Map.of(), null, null, Map.of(),
                ReadySpec.whenStarted(), StopSpec.defaults(), null, true, null, null, null, null, null, null, Set.of(),
                null, true, setup);
    }

    private static DatabaseSpec tcpSuperuser() {
        return new DatabaseSpec("127.0.0.1", cluster.port(), "postgres", PostgresCluster.PASSWORD, "postgres", null);
    }

    private static Connection login(String user, String password, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + database, props);
    }

    @Test
    void createsRoleDatabaseAndExtensionThenHasNothingToDo() throws Exception {
        DatabaseSetupSpec setup = new DatabaseSetupSpec(tcpSuperuser(), new DatabaseSetupSpec.Role("app", "app-pw-1234"),
                "app", "app", List.of("pgcrypto"));

        String first = step.run(step(setup), log::add);
        String second = step.run(step(setup), log::add);

        assertThat(first).isEqualTo("created role app, database app owned by app, extension pgcrypto in app");
        assertThat(second).isEqualTo("nothing to do");
        assertThat(String.join("\n", log)).doesNotContain("app-pw-1234");
        try (Connection app = login("app", "app-pw-1234", "app")) {
            assertThat(app.createStatement().executeQuery("SELECT current_user").next()).isTrue();
        }
        assertThat(cluster.number("app", "SELECT count(*) FROM pg_extension WHERE extname = 'pgcrypto'")).isEqualTo(1);
    }

    @Test
    void previewSaysWhatWouldChangeAndChangesNothing() {
        DatabaseSetupSpec setup = new DatabaseSetupSpec(tcpSuperuser(), new DatabaseSetupSpec.Role("preview", "pw-preview-1"),
                "preview", "preview", List.of("pgcrypto"));

        String before = step.preview(setup);

        assertThat(before).isEqualTo("would create role preview, database preview owned by preview, extension pgcrypto"
                + " in preview");
        assertThat(cluster.number("postgres", "SELECT count(*) FROM pg_roles WHERE rolname = 'preview'")).isZero();
        step.run(step(setup), log::add);
        assertThat(step.preview(setup)).isEqualTo("nothing to do");
        DatabaseSpec closed = new DatabaseSpec("127.0.0.1", Fixtures.freePort(), "postgres", null, "postgres", null);
        assertThat(step.preview(new DatabaseSetupSpec(closed, setup.role(), null, null, List.of())))
                .startsWith("cannot ask 127.0.0.1:" + closed.port() + " now (port closed")
                .endsWith("up runs this step once the server is ready");
    }

    @Test
    void aChangedPasswordOrOwnerIsSetAgainAndReported() throws Exception {
        DatabaseSpec socket = new DatabaseSpec(cluster.socketDirectory().toString(), cluster.port(), "postgres", null,
                "postgres", null);
        step.run(step(new DatabaseSetupSpec(socket, new DatabaseSetupSpec.Role("shop", "old-password"), "shop", "shop",
                List.of())), log::add);
        cluster.sql("postgres", "ALTER DATABASE shop OWNER TO postgres");

        String changed = step.run(step(new DatabaseSetupSpec(socket, new DatabaseSetupSpec.Role("shop", "new-password"),
                "shop", "shop", List.of())), log::add);

        assertThat(changed).isEqualTo("changed the password of role shop, the owner of database shop from postgres to shop");
        try (Connection shop = login("shop", "new-password", "shop")) {
            assertThat(shop.isValid(2)).isTrue();
        }
    }

    @Test
    void hostileNamesAreQuotedSafely() throws Exception {
        String role = "ev'il\"; DROP ROLE postgres; --";
        String database = "db\"; DROP DATABASE postgres; --";
        DatabaseSetupSpec setup = new DatabaseSetupSpec(tcpSuperuser(), new DatabaseSetupSpec.Role(role, "pw'; --x"),
                database, role, List.of());

        String result = step.run(step(setup), log::add);

        assertThat(result).isEqualTo("created role " + role + ", database " + database + " owned by " + role);
        assertThat(cluster.number("postgres", "SELECT count(*) FROM pg_roles WHERE rolname = 'postgres'")).isEqualTo(1);
        assertThat(cluster.number("postgres", "SELECT count(*) FROM pg_database WHERE datname = 'postgres'")).isEqualTo(1);
        try (Connection evil = login(role, "pw'; --x", "postgres")) {
            assertThat(evil.isValid(2)).isTrue();
        }
        assertThat(step.run(step(setup), log::add)).isEqualTo("nothing to do");
    }

    @Test
    void aMissingExtensionFailsWithThePackageToInstall() {
        DatabaseSetupSpec setup = new DatabaseSetupSpec(tcpSuperuser(), null, "ext", "postgres", List.of("no_such_ext"));

        assertThatThrownBy(() -> step.run(step(setup), log::add)).isInstanceOf(MusterException.class)
                .hasMessage("database step app-db on 127.0.0.1:" + cluster.port() + " failed: extension no_such_ext is"
                        + " not installed on the server (pg_available_extensions has no no_such_ext); install its package"
                        + " in the image (e.g. postgresql-contrib, postgresql-15-pgvector) or remove it from"
                        + " database.extensions; nothing is left half-done (each statement is atomic), so fix it and"
                        + " start again");
    }

    @Test
    void aWrongSuperuserPasswordIsExplainedWithoutThePassword() {
        DatabaseSpec wrong = new DatabaseSpec("127.0.0.1", cluster.port(), "postgres", "wrong-secret", "postgres", null);
        DatabaseSetupSpec setup = new DatabaseSetupSpec(wrong, new DatabaseSetupSpec.Role("x", null), null, null, List.of());

        assertThatThrownBy(() -> step.run(step(setup), log::add)).isInstanceOf(MusterException.class)
                .hasMessageContaining("authentication failed for user postgres")
                .hasMessageNotContaining("wrong-secret");
        assertThat(Files.exists(shared)).isTrue();
    }
}
