package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockBindingTest {
    private static final String SERVICES = "services:\n  a: { command: [/bin/true] }\n";

    @TempDir
    Path dir;

    @Test
    void aPathAloneIsALockWithTheDefaultTimeout() {
        ProfileFixture fixture = new ProfileFixture(dir).env("DATA_DIR", "/data");
        fixture.write("p.yaml", "version: 1\nlock: ${DATA_DIR}/.muster.lock\n" + SERVICES);

        assertThat(fixture.profile("p.yaml").lock()).contains(
                new LockSpec(Path.of("/data/.muster.lock"), Duration.ofSeconds(LockSpec.DEFAULT_TIMEOUT_SECONDS)));
    }

    @Test
    void aMappingSetsPathAndTimeout() {
        ProfileFixture fixture = new ProfileFixture(dir);
        fixture.write("p.yaml", "version: 1\nlock: { path: /v/.lock, timeout: 5s }\n" + SERVICES);

        assertThat(fixture.profile("p.yaml").lock()).contains(new LockSpec(Path.of("/v/.lock"), Duration.ofSeconds(5)));
    }

    @Test
    void noLockKeyIsNoLock() {
        ProfileFixture fixture = new ProfileFixture(dir);
        fixture.write("p.yaml", "version: 1\n" + SERVICES);

        assertThat(fixture.profile("p.yaml").lock()).isEmpty();
    }

    @Test
    void reportsAnEmptyPathAMissingPathAndUnknownKeys() {
        ProfileFixture fixture = new ProfileFixture(dir).env("DATA_DIR", "");
        fixture.write("empty.yaml", "version: 1\nlock: \"${DATA_DIR}\"\n" + SERVICES);
        fixture.write("nopath.yaml", "version: 1\nlock: { timeout: 5s, wait: 3s }\n" + SERVICES);

        assertThat(fixture.problems("empty.yaml")).contains("lock", "is empty; write the lock file's path");
        assertThat(fixture.problems("nopath.yaml")).contains("lock.path", "missing; add path:", "lock.wait", "unknown key");
    }
}
