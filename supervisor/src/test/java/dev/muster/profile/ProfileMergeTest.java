package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileMergeTest {
    private static final String BASE = """
            version: 1
            env:
              A: base-a
              B: base-b
            preflight:
              commands: [postgres, redis-server]
            services:
              db:
                command: [postgres]
                ready: { tcp: 5432, timeout: 30s }
            """;

    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir);
        fixture.write("base/base.yaml", BASE);
    }

    @Test
    void extendsMergesMapsKeyByKey() {
        fixture.write("base/app.yaml", """
                extends: base.yaml
                env:
                  B: app-b
                services:
                  db:
                    ready: { timeout: 45s }
                """);

        Profile profile = fixture.profile("base/app.yaml");

        assertThat(profile.env()).containsExactly(Map.entry("A", "base-a"), Map.entry("B", "app-b"));
        ReadySpec ready = profile.services().get("db").ready();
        assertThat(ready.probe()).isEqualTo(new ProbeSpec.Tcp("127.0.0.1", 5432));
        assertThat(ready.timeout()).hasSeconds(45);
        assertThat(profile.name()).isEqualTo("app");
    }

    @Test
    void overlayListsReplaceBaseLists() {
        fixture.write("overlay.yaml", "preflight:\n  commands: [node]\n");

        Profile profile = fixture.profile("base/base.yaml", "overlay.yaml");

        assertThat(profile.preflight().commands()).containsExactly("node");
        assertThat(profile.sources()).containsExactly(dir.resolve("base/base.yaml"), dir.resolve("overlay.yaml"));
    }

    @Test
    void extendsIsRelativeToTheFileNamingItAndRecursive() {
        fixture.write("base/middle.yaml", "extends: base.yaml\nenv:\n  A: middle\n");
        fixture.write("top/top.yaml", "extends: ../base/middle.yaml\nenv:\n  C: top\n");

        assertThat(fixture.profile("top/top.yaml").env())
                .containsExactly(Map.entry("A", "middle"), Map.entry("B", "base-b"), Map.entry("C", "top"));
    }

    @Test
    void extendsKeyIsNotPartOfTheEffectiveProfile() {
        fixture.write("base/app.yaml", "extends: base.yaml\n");

        assertThat(fixture.load("base/app.yaml").effective().has("extends")).isFalse();
    }

    @Test
    void extendsCycleNamesTheChain() {
        fixture.write("a.yaml", "version: 1\nextends: b.yaml\n");
        fixture.write("b.yaml", "extends: a.yaml\n");

        assertThat(fixture.problems("a.yaml")).contains(dir.resolve("b.yaml") + ":1: extends: cycle "
                + dir.resolve("a.yaml") + " -> " + dir.resolve("b.yaml") + " -> " + dir.resolve("a.yaml")
                + "; remove one of these extends");
    }

    @Test
    void missingBaseIsReportedWhereExtendsIsWritten() {
        fixture.write("app.yaml", "version: 1\nextends: nowhere.yaml\n");

        assertThat(fixture.problems("app.yaml")).contains(dir.resolve("app.yaml") + ":2: extends: "
                + dir.resolve("nowhere.yaml") + " does not exist; fix the path (it is relative to ");
    }

    @Test
    void problemsPointAtTheFileThatLastDefinedThePath() {
        fixture.write("overlay.yaml", "\nservices:\n  db:\n    ready: { timeout: soon }\n");

        String message = fixture.problems("base/base.yaml", "overlay.yaml");

        assertThat(ProfileFixture.lines(message)).containsExactly(
                "profile " + dir.resolve("base/base.yaml") + " + " + dir.resolve("overlay.yaml") + " is invalid (1 problem):",
                "  - " + dir.resolve("overlay.yaml") + ":4: services.db.ready.timeout: \"soon\" is not a duration;"
                        + " write it like 30s, 500ms or 2m");
    }

    @Test
    void nullInAnOverlayClearsTheKey() {
        fixture.write("overlay.yaml", "services:\n  db:\n    ready: ~\n");

        assertThat(fixture.profile("base/base.yaml", "overlay.yaml").services().get("db").ready())
                .isEqualTo(ReadySpec.whenStarted());
    }

    @Test
    void overlaysMergeInCommandLineOrder() {
        fixture.write("one.yaml", "env:\n  A: one\n");
        fixture.write("two.yaml", "env:\n  A: two\n");

        assertThat(fixture.profile("base/base.yaml", "one.yaml", "two.yaml").env()).containsEntry("A", "two");
        assertThat(fixture.profile("base/base.yaml", "two.yaml", "one.yaml").env()).containsEntry("A", "one");
    }

    @Test
    void everyUnreadableFileIsReportedAtOnce() {
        fixture.write("broken.yaml", "version: [1\n");

        assertThat(ProfileFixture.lines(fixture.problems("broken.yaml", "missing.yaml")))
                .hasSize(3).first().asString().endsWith("is invalid (2 problems):");
    }
}
