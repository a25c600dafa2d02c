package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.process.Signal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code enabled:}, {@code kind: external}, a task's {@code timeout:} and the stop signal chosen by what a service is. */
class KindKeysBindingTest {
    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir);
    }

    @Test
    void enabledIsReadAfterInterpolation() {
        fixture.env("ENABLE_FLOWER", "yes").env("OCR", "0");
        Map<String, ServiceSpec> services = fixture.services("""
                  flower: { command: [celery, flower], enabled: "${ENABLE_FLOWER:-false}" }
                  ocr: { command: [ocr], enabled: "${OCR}" }
                  reindex: { command: [reindex], enabled: "${REINDEX:-}" }
                  plain: { command: [app] }
                  on: { command: [app], enabled: true }
                  off: { command: [app], enabled: false, required: false }
                  one: { command: [app], enabled: 1 }
                """);

        assertThat(services.get("flower").enabled()).isTrue();
        assertThat(services.get("ocr").enabled()).isFalse();
        assertThat(services.get("reindex").enabled()).isFalse();
        assertThat(services.get("plain").enabled()).isTrue();
        assertThat(services.get("on").enabled()).isTrue();
        assertThat(services.get("off").enabled()).isFalse();
        assertThat(services.get("one").enabled()).isTrue();
    }

    @Test
    void enabledThatIsNeitherOnNorOffIsAnError() {
        fixture.env("FLOWER", "maybe");

        assertThat(fixture.servicesProblems("  flower: { command: [celery], enabled: \"${FLOWER}\" }\n"))
                .contains("services.flower.enabled: \"maybe\" is not on or off; write true, 1 or yes to run this entry,"
                        + " false, 0, no or \"\" to leave it out, e.g. enabled: ${ENABLE_FLOWER:-false}");
    }

    @Test
    void dependingOnADisabledServiceIsAnErrorWithTheFix() {
        String message = fixture.servicesProblems("""
                  flower: { command: [celery, flower], enabled: false }
                  dashboard: { command: [dash], depends_on: [flower] }
                """);

        assertThat(message).contains("services.dashboard.depends_on: 'flower' is disabled (its enabled: is off), so"
                + " 'dashboard' could never start; enable flower, give dashboard the same enabled: condition, or make"
                + " it optional with required: false");
    }

    @Test
    void anOptionalOrDisabledDependentMayDependOnADisabledService() {
        Map<String, ServiceSpec> services = fixture.services("""
                  flower: { command: [celery, flower], enabled: false }
                  dashboard: { command: [dash], depends_on: [flower], required: false }
                  report: { command: [report], depends_on: [flower], enabled: no }
                """);

        assertThat(services).containsKeys("flower", "dashboard", "report");
        assertThat(services.get("flower").enabled()).isFalse();
    }

    @Test
    void externalServiceIsWaitedForWithItsReadyProbe() {
        fixture.env("REDIS_URL", "redis://:pw@cache.internal:6380/2");
        Map<String, ServiceSpec> services = fixture.services("""
                  broker: { kind: external, ready: { redis: { url: "${REDIS_URL}" }, timeout: 2m } }
                  worker: { command: [celery, worker], depends_on: [broker] }
                """);

        ServiceSpec broker = services.get("broker");
        assertThat(broker.kind()).isEqualTo(Kind.EXTERNAL);
        assertThat(broker.kind().launches()).isFalse();
        assertThat(broker.command()).isEmpty();
        assertThat(broker.ready().timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(services.get("worker").dependsOn()).containsEntry("broker", Condition.READY);
    }

    @Test
    void externalServiceNeedsAProbeAndHasNoProcessKeys() {
        String message = fixture.servicesProblems("""
                  db: { kind: external, command: [postgres], user: postgres, restart: always, log: /tmp/x.log,
                        live: { tcp: 5432 } }
                """);

        assertThat(message)
                .contains("services.db.ready: missing; a kind: external service is waited for with its ready probe:"
                        + " add ready: { tcp: { host: db.internal, port: 5432 } }")
                .contains("services.db.command: a kind: external service is not started by muster, only waited for;"
                        + " remove command:, or make it kind: service")
                .contains("services.db.user: a kind: external service is not started by muster")
                .contains("services.db.restart: a kind: external service is not started by muster")
                .contains("services.db.live: a kind: external service is not started by muster")
                .contains("services.db.log: a kind: external service is not started by muster");
    }

    @Test
    void taskTakesATimeout() {
        Map<String, ServiceSpec> services = fixture.services("""
                  migrate: { kind: task, command: [manage.py, migrate], timeout: 10m }
                  once: { kind: task, command: [true] }
                """);

        assertThat(services.get("migrate").timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(services.get("once").timeout()).isNull();
    }

    @Test
    void timeoutOnAServiceAndReadyOrLiveOnATaskAreErrors() {
        String message = fixture.servicesProblems("""
                  web: { command: [web], timeout: 30s }
                  migrate: { kind: task, command: [m], ready: { tcp: 1 }, live: { tcp: 1 }, timeout: nope }
                """);

        assertThat(message)
                .contains("services.web.timeout: only a task has a timeout (its deadline); for a service's startup"
                        + " deadline write ready: { timeout: 30s }, or remove timeout:")
                .contains("services.migrate.ready: a task has no readiness check (it runs to completion and its"
                        + " dependents wait for that); remove ready:, and use timeout: 10m for a deadline")
                .contains("services.migrate.live: a task has no liveness check")
                .contains("services.migrate.timeout: \"nope\" is not a duration");
    }

    @Test
    void aWrapperThatExecsPostgresIsStoppedWithInt() {
        Map<String, ServiceSpec> services = fixture.services("""
                  by-probe: { command: [/usr/local/bin/start-db.sh], ready: { postgres: 5432 } }
                  by-datadir: { command: [/usr/local/bin/docker-entrypoint.sh, -D, /var/lib/pg] }
                  by-pgdata: { command: [pg_ctl-wrapper, --pgdata=/var/lib/pg] }
                  java: { command: [java, -Dx=y, -jar, app.jar] }
                  chosen: { command: [start-db.sh], ready: { postgres: 5432 }, stop: { signal: TERM } }
                """);

        assertThat(services.get("by-probe").stop().signal()).isEqualTo(Signal.INT);
        assertThat(services.get("by-datadir").stop().signal()).isEqualTo(Signal.INT);
        assertThat(services.get("by-pgdata").stop().signal()).isEqualTo(Signal.INT);
        assertThat(services.get("java").stop().signal()).isEqualTo(Signal.TERM);
        assertThat(services.get("chosen").stop().signal()).isEqualTo(Signal.TERM);
    }
}
