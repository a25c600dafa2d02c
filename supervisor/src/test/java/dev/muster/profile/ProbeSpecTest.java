package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What each probe kind knows about itself, in one place instead of instanceof chains elsewhere. */
class ProbeSpecTest {

    @Test
    void eachKindKnowsItsAddress() {
        assertThat(new ProbeSpec.Tcp("127.0.0.1", 5432).address()).isEqualTo("127.0.0.1:5432");
        assertThat(new ProbeSpec.Http(URI.create("http://app:8000/health"), 200, null).address()).isEqualTo("http://app:8000");
        assertThat(new ProbeSpec.Redis("cache", 6379, null, null).address()).isEqualTo("cache:6379");
        assertThat(new ProbeSpec.Log(Pattern.compile("up"), 1).address()).isEqualTo("-");
    }

    @Test
    void passwordsAreTheProbesSecrets() {
        assertThat(new ProbeSpec.Redis("cache", 6379, "app", "s3cret").secrets()).containsExactly("s3cret");
        assertThat(new ProbeSpec.Postgres(new DatabaseSpec("db", 5432, "app", "pw", "app", null)).secrets())
                .containsExactly("pw");
        assertThat(new ProbeSpec.Tcp("127.0.0.1", 1).secrets()).isEmpty();
    }

    @Test
    void execAndPostgresPollSlowerByDefaultAndOnlyExecHasAnArgv() {
        ProbeSpec.Exec exec = new ProbeSpec.Exec(List.of("pg_isready -q"), true);
        assertThat(exec.defaultInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(exec.execArgv()).containsExactly("/bin/sh", "-c", "pg_isready -q");
        assertThat(new ProbeSpec.Postgres(new DatabaseSpec("db", 5432, "app", null, "app", null)).defaultInterval())
                .isEqualTo(Duration.ofMillis(100));
        assertThat(new ProbeSpec.Tcp("127.0.0.1", 1).defaultInterval()).isEqualTo(ReadySpec.DEFAULT_INTERVAL);
        assertThat(new ProbeSpec.Tcp("127.0.0.1", 1).execArgv()).isEmpty();
    }
}
