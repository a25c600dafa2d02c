package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.process.Signal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceBindingTest {
    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir);
    }

    private Map<String, ServiceSpec> services(String yaml) {
        return fixture.services(yaml);
    }

    private String problems(String yaml) {
        return fixture.servicesProblems(yaml);
    }

    @Test
    void shortDependsOnMeansCompletedForTasksAndReadyForServices() {
        Map<String, ServiceSpec> services = services("""
                  init: { kind: task, command: [init] }
                  db: { command: [db] }
                  app: { command: [app], depends_on: [init, db] }
                """);

        assertThat(services.get("app").dependsOn())
                .containsExactly(Map.entry("init", Condition.COMPLETED), Map.entry("db", Condition.READY));
    }

    @Test
    void longDependsOnTakesAConditionOrAMapping() {
        Map<String, ServiceSpec> services = services("""
                  db: { command: [db] }
                  cache: { kind: task, command: [cache] }
                  app:
                    command: [app]
                    depends_on: { db: started, cache: { condition: Completed } }
                """);

        assertThat(services.get("app").dependsOn())
                .containsExactly(Map.entry("db", Condition.STARTED), Map.entry("cache", Condition.COMPLETED));
    }

    @Test
    void unknownDependencyListsTheKnownServices() {
        assertThat(problems("""
                  db: { command: [db] }
                  app: { command: [app], depends_on: [dbb, app] }
                """)).contains("services.app.depends_on[0]: unknown service 'dbb'; did you mean 'db'?"
                        + " the services are: db, app")
                .contains("services.app.depends_on[1]: 'app' depends on itself; remove it from depends_on");
    }

    @Test
    void unknownConditionIsAnError() {
        assertThat(problems("""
                  db: { command: [db] }
                  app: { command: [app], depends_on: { db: healthy } }
                """)).contains("services.app.depends_on.db: \"healthy\" is not a condition;"
                + " write started, ready or completed");
    }

    @Test
    void dependencyCycleIsReported() {
        assertThat(problems("""
                  a: { command: [a], depends_on: [b] }
                  b: { command: [b], depends_on: [c] }
                  c: { command: [c], depends_on: [a] }
                """)).contains(":3: services: dependency cycle a -> b -> c -> a;"
                + " remove one of these depends_on entries");
    }

    @Test
    void stringCommandNeedsShell() {
        assertThat(problems("  a: { command: \"run --fast\" }\n"))
                .contains("services.a.command: is a string; write it as a list [prog, arg] or set shell: true");
    }

    @Test
    void shellCommandIsOneStringOrOneElementList() {
        Map<String, ServiceSpec> services = services("""
                  a: { shell: true, command: "echo a && echo b" }
                  b: { shell: true, command: ["echo b"] }
                """);

        assertThat(services.get("a").command()).containsExactly("echo a && echo b");
        assertThat(services.get("b").argv()).containsExactly("/bin/sh", "-c", "echo b");
        assertThat(problems("  a: { shell: true, command: [echo, b] }\n"))
                .contains("services.a.command: with shell: true the command is one shell line");
    }

    @Test
    void missingOrEmptyCommandIsAnError() {
        assertThat(problems("  a: { user: app }\n  b: { command: [] }\n"))
                .contains(":3: services.a.command: missing; add command: [program, argument]")
                .contains("services.b.command: is empty; write the program and its arguments");
    }

    @Test
    void numbersInCommandsAndEnvBecomeText() {
        ServiceSpec a = services("  a: { command: [sleep, 5, 0.50], env: { N: 5, ON: true } }\n").get("a");

        assertThat(a.command()).containsExactly("sleep", "5", "0.50");
        assertThat(a.env()).containsExactly(Map.entry("N", "5"), Map.entry("ON", "true"));
    }

    @Test
    void invalidEnvNamesAreReported() {
        assertThat(problems("  a: { command: [a], env: { 1BAD: x, good-name: y } }\n"))
                .contains("services.a.env.1BAD: \"1BAD\" is not a valid variable name")
                .contains("services.a.env.good-name: \"good-name\" is not a valid variable name");
    }

    @Test
    void postgresStopsWithIntByDefault() {
        Map<String, ServiceSpec> services = services("""
                  pg: { command: [/usr/lib/postgresql/16/bin/postmaster, -D, /d] }
                  other: { command: [redis-server] }
                """);

        assertThat(services.get("pg").stop()).isEqualTo(new StopSpec(Signal.INT, StopSpec.DEFAULT_TIMEOUT));
        assertThat(services.get("other").stop()).isEqualTo(StopSpec.defaults());
    }

    @Test
    void unknownSignalListsTheValidNames() {
        assertThat(problems("  a: { command: [a], stop: { signal: SIGFOO, timeout: 0s } }\n"))
                .contains("services.a.stop.signal: \"SIGFOO\" is not a signal; write one of HUP, INT, QUIT")
                .contains("services.a.stop.timeout: \"0s\" is zero; write a positive duration");
    }

    @Test
    void createsIsOnlyForTasks() {
        assertThat(problems("  a: { command: [a], creates: /x }\n"))
                .contains("services.a.creates: only a task can have creates; set kind: task or remove creates");
    }

    @Test
    void unknownKindsListTheKinds() {
        assertThat(problems("  s: { kind: schema, command: [a] }\n  t: { kind: job, command: [b] }\n"))
                .contains("services.s.command: a kind: schema step is run by muster itself and has no command")
                .contains("services.t.kind: \"job\" is not a kind; write kind: service, task, schema, migrations, database, external");
    }

    @Test
    void liveAndRestartBindWithDefaultsAndShorthand() {
        Map<String, ServiceSpec> services = services("""
                  a:
                    command: [a]
                    live: { http: "http://127.0.0.1:8000/health", failures: 5 }
                    restart: { policy: always, max: 2, window: 1m, backoff: { initial: 100ms, max: 2s } }
                  b: { command: [b], restart: on-failure }
                  c: { command: [c] }
                """);

        LiveSpec live = services.get("a").live();
        assertThat(live.probe()).isInstanceOf(ProbeSpec.Http.class);
        assertThat(live.failures()).isEqualTo(5);
        assertThat(live.period()).isEqualTo(LiveSpec.DEFAULT_PERIOD);
        assertThat(services.get("a").restart()).isEqualTo(new RestartSpec(RestartSpec.Policy.ALWAYS, 2,
                java.time.Duration.ofMinutes(1), java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(2)));
        assertThat(services.get("b").restart().policy()).isEqualTo(RestartSpec.Policy.ON_FAILURE);
        assertThat(services.get("c").restart()).isEqualTo(RestartSpec.never());
        assertThat(services.get("c").live()).isNull();
    }

    @Test
    void restartTrueOnADependencyIsRecordedAndRefusedForTasks() {
        Map<String, ServiceSpec> services = services("""
                  db: { command: [db] }
                  init: { kind: task, command: [init] }
                  app: { command: [app], depends_on: { db: { condition: ready, restart: true }, init: completed } }
                """);

        assertThat(services.get("app").restartWith()).containsExactly("db");
        assertThat(services.get("app").dependsOn()).containsEntry("db", Condition.READY);
        assertThat(services.get("db").restartWith()).isEmpty();
        assertThat(problems("  init: { kind: task, command: [i] }\n  app: { command: [a], depends_on: { init: { condition: completed, restart: true } } }\n"))
                .contains("services.app.depends_on.init.restart: 'init' is a task, which is never restarted; remove restart: true");
    }

    @Test
    void restartAndLiveAreRejectedOnTasksAndBadPoliciesExplained() {
        assertThat(problems("  t: { kind: task, command: [t], restart: always }\n  s: { command: [s], restart: sometimes, live: {} }\n"))
                .contains("services.t.restart: a task is not restarted")
                .contains("services.s.restart: \"sometimes\" is not a restart policy; write no, on-failure or always")
                .contains("services.s.live: has no probe; add one of tcp, http, exec, log, postgres, redis, as under ready:");
    }

    @Test
    void logTakesSizesWithUnitsAndKeep() {
        Map<String, ServiceSpec> services = services("""
                  a: { command: [a], log: { file: /l/a.log, max_size: 512KiB, keep: 0 } }
                  b: { command: [b], log: /l/b.log }
                """);

        assertThat(services.get("a").log()).isEqualTo(new LogSpec(Path.of("/l/a.log"), 512 * 1024, 0));
        assertThat(services.get("b").log())
                .isEqualTo(new LogSpec(Path.of("/l/b.log"), LogSpec.DEFAULT_MAX_SIZE, LogSpec.DEFAULT_KEEP));
        assertThat(problems("  a: { command: [a], log: { max_size: 10XB, keep: -1 } }\n"))
                .contains("services.a.log.file: missing; add file: /var/log/a.log")
                .contains("services.a.log.max_size: \"10XB\" is not a size; write it like 10MB, 512KB or 1GB")
                .contains("services.a.log.keep: -1 is not a whole number from 0 to 1000");
    }

    @Test
    void userIsANameOrUidAndGid() {
        Map<String, ServiceSpec> services = services("  a: { command: [a], user: 1000 }\n");

        assertThat(services.get("a").user()).isEqualTo("1000");
        assertThat(problems("  a: { command: [a], user: \"app user\" }\n"))
                .contains("services.a.user: \"app user\" is not a user");
    }

    @Test
    void servicesAreRequiredAndNotEmpty() {
        fixture.write("none.yaml", "version: 1\n");
        fixture.write("empty.yaml", "version: 1\nservices: {}\n");

        assertThat(fixture.problems("none.yaml")).contains("services: missing; add services: with at least one service");
        assertThat(fixture.problems("empty.yaml")).contains(":2: services: is empty; add at least one service");
    }
}
