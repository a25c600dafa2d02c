package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyConditionTest {
    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir);
    }

    @Test
    void completedOnALongRunningServiceIsAProfileErrorWithTheFix() {
        String message = fixture.servicesProblems("""
                  redis: { command: [redis-server] }
                  app: { command: [app], depends_on: { redis: completed } }
                """);

        assertThat(message).contains("services.app.depends_on.redis: 'redis' is a service, which runs until it is"
                + " stopped and never completes, so this service would wait forever; write redis: ready (or started),"
                + " or give 'redis' kind: task if it runs once and exits");
    }

    @Test
    void completedInTheLongFormIsCheckedToo() {
        assertThat(fixture.servicesProblems("""
                  redis: { command: [redis-server] }
                  app: { command: [app], depends_on: { redis: { condition: completed } } }
                """)).contains("'redis' is a service, which runs until it is stopped and never completes");
    }

    @Test
    void completedOnTasksAndReadyOnServicesAreAccepted() {
        ServiceSpec app = fixture.services("""
                  init: { kind: task, command: [init] }
                  redis: { command: [redis-server] }
                  app: { command: [app], depends_on: { init: completed, redis: ready } }
                """).get("app");

        assertThat(app.dependsOn()).containsEntry("init", Condition.COMPLETED).containsEntry("redis", Condition.READY);
    }
}
