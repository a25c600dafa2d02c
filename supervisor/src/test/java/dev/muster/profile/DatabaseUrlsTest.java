package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlsTest {

    @Test
    void parsesTheFormPlatformsHandOut() {
        assertThat(DatabaseUrls.parse("postgresql://app:s3cret@db.internal:6543/shop?sslmode=require"))
                .isEqualTo(new DatabaseSpec("db.internal", 6543, "app", "s3cret", "shop", "require"));
    }

    @Test
    void acceptsTheOlderPostgresSchemeAndDefaultsPortAndSslmode() {
        assertThat(DatabaseUrls.parse("postgres://u:p@ec2-1-2-3-4.compute.amazonaws.com/d8h1"))
                .isEqualTo(new DatabaseSpec("ec2-1-2-3-4.compute.amazonaws.com", 5432, "u", "p", "d8h1", "prefer"));
    }

    @Test
    void decodesPercentEncodingAndKeepsUnencodedAtSignsInPasswords() {
        assertThat(DatabaseUrls.parse("postgresql://app:p%40ss%2Fw0rd@localhost/my%20db").password()).isEqualTo("p@ss/w0rd");
        assertThat(DatabaseUrls.parse("postgresql://app:p%40ss%2Fw0rd@localhost/my%20db").name()).isEqualTo("my db");
        assertThat(DatabaseUrls.parse("postgresql://app:p@ss@localhost:5433/app").password()).isEqualTo("p@ss");
        assertThat(DatabaseUrls.parse("postgresql://app:a+b@localhost/app").password()).isEqualTo("a+b");
    }

    @Test
    void defaultsUserToPostgresAndDatabaseToTheUser() {
        assertThat(DatabaseUrls.parse("postgresql://localhost")).isEqualTo(
                new DatabaseSpec("localhost", 5432, "postgres", null, "postgres", null));
        assertThat(DatabaseUrls.parse("postgresql://app@localhost:5432").name()).isEqualTo("app");
    }

    @Test
    void acceptsJdbcUrlsWithCredentialsInTheQueryAndIpv6Hosts() {
        assertThat(DatabaseUrls.parse("jdbc:postgresql://[::1]:5433/app?user=me&password=pw&connection_limit=1"))
                .isEqualTo(new DatabaseSpec("::1", 5433, "me", "pw", "app", null));
        assertThat(DatabaseUrls.parse("postgresql://u:p@[::1]/app").address()).isEqualTo("[::1]:5432");
    }

    @Test
    void rejectsMalformedUrlsWithAMessageThatShowsTheFormAndHidesThePassword() {
        assertThatThrownBy(() -> DatabaseUrls.parse("mysql://u:hunter2@db/app"))
                .hasMessageContaining("scheme mysql://").hasMessageContaining("postgresql://user:password@host:5432/dbname")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrls.parse("localhost:5432/app")).hasMessageContaining("is not a database URL");
        assertThatThrownBy(() -> DatabaseUrls.parse("postgresql://u:hunter2@db:54x2/app"))
                .hasMessageContaining("port \"54x2\"").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrls.parse("postgresql://u:pw@/app"))
                .hasMessageContaining("has no host");
        assertThatThrownBy(() -> DatabaseUrls.parse("postgresql://db/app?sslmode=always"))
                .hasMessageContaining("sslmode=always");
        assertThatThrownBy(() -> DatabaseUrls.parse("postgresql://u:p%zz@db/app"))
                .hasMessageContaining("badly percent-encoded password");
        assertThatThrownBy(() -> DatabaseUrls.parse("postgresql:///app?host=db.internal"))
                .hasMessageContaining("use ?host= only for a unix-socket directory");
    }

    @Test
    void readsLibpqUnixSocketUrls() {
        DatabaseSpec spec = DatabaseUrls.parse("postgresql://app@/shop?host=/var/run/postgresql");

        assertThat(spec.isSocket()).isTrue();
        assertThat(spec.socketFile()).isEqualTo("/var/run/postgresql/.s.PGSQL.5432");
        assertThat(spec.user()).isEqualTo("app");
        assertThat(spec.name()).isEqualTo("shop");
    }

    @Test
    void aPortParameterOverridesThePortAsInLibpq() {
        assertThat(DatabaseUrls.parse("postgresql://app@/shop?host=/var/run/postgresql&port=5433").socketFile())
                .isEqualTo("/var/run/postgresql/.s.PGSQL.5433");
        assertThat(DatabaseUrls.parse("postgresql://app@db:5432/shop?port=6543").port()).isEqualTo(6543);
        assertThatThrownBy(() -> DatabaseUrls.parse("postgresql://db/app?port=99999"))
                .hasMessageContaining("has port \"99999\", which is not a number from 1 to 65535");
    }

    @Test
    void aPostgresProbeUrlKeepsItsPortParameter(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ServiceSpec db = new ProfileFixture(dir).services("""
                  db:
                    command: [postgres]
                    ready: { postgres: { url: "postgresql://postgres@127.0.0.1/app?port=5439" } }
                """).get("db");

        assertThat(((ProbeSpec.Postgres) db.ready().probe()).database().port()).isEqualTo(5439);
    }
}
