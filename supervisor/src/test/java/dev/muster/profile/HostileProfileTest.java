package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles built to exhaust memory, stack or time end as exit-2 problems naming the bound, fast. */
class HostileProfileTest {
    private static final Duration FAST = Duration.ofSeconds(1);
    private static final Duration HANG = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir);
    }

    /**
     * The problems of loading {@code name}, which must cost under {@link #FAST} of this thread's CPU
     * time (wall time on a shared machine says little) and end within {@link #HANG} in any case.
     */
    private String problems(String name) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return assertTimeoutPreemptively(HANG, () -> {
            long start = threads.getCurrentThreadCpuTime();
            String message = fixture.problems(name);
            Duration spent = Duration.ofNanos(threads.getCurrentThreadCpuTime() - start);
            assertThat(spent).as("CPU time to reject " + name).isLessThan(FAST);
            return message;
        });
    }

    /** The classic "billion laughs": nine levels of ten aliases each, 538 bytes. */
    static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("version: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            char below = (char) (level - 1);
            yaml.append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(below);
            }
            yaml.append("]\n");
        }
        return yaml.append("services: {}\n").toString();
    }

    @Test
    void billionLaughsStopsAtTheExpansionBudget() {
        fixture.write("laughs.yaml", billionLaughs());

        assertThat(problems("laughs.yaml")).contains(dir.resolve("laughs.yaml")
                + ": expands to more than 100000 values once its aliases (*name) are copied");
    }

    @Test
    void manySmallAliasesStopAtTheAliasLimit() {
        StringBuilder yaml = new StringBuilder("version: 1\nname: &n stack\nenv:\n");
        for (int i = 0; i < 60; i++) {
            yaml.append("  V").append(i).append(": *n\n");
        }
        fixture.write("aliases.yaml", yaml.toString());

        assertThat(problems("aliases.yaml")).contains(dir.resolve("aliases.yaml") + ": uses more than 50 aliases");
    }

    @Test
    void fewAliasesOfAHugeAnchorStopAtTheNodeBudget() {
        StringBuilder yaml = new StringBuilder("version: 1\nx-big: &big [");
        for (int i = 0; i < 5000; i++) {
            yaml.append(i == 0 ? "" : ",").append(i);
        }
        yaml.append("]\nx-copies: [");
        for (int i = 0; i < 40; i++) {
            yaml.append(i == 0 ? "" : ",").append("*big");
        }
        fixture.write("big.yaml", yaml.append("]\nservices: {}\n").toString());

        assertThat(problems("big.yaml")).contains("expands to more than 100000 values once its aliases");
    }

    @Test
    void aliasesOfMappingsStillWork() {
        fixture.write("ok.yaml", "version: 1\nservices:\n  a: {kind: task, command: &cmd [sh, -c, \"exit 0\"]}\n"
                + "  b: {kind: task, command: *cmd}\n  c: {kind: task, command: [\"true\"]}\n");

        Profile profile = fixture.profile("ok.yaml");

        assertThat(profile.services().get("b").command()).containsExactly("sh", "-c", "exit 0");
        assertThat(profile.services().get("c").command()).as("keys after an alias of a list stay in place")
                .containsExactly("true");
    }

    @Test
    void deepNestingIsRefusedWithTheLimit() {
        fixture.write("deep.yaml", "version: 1\nx: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");

        assertThat(problems("deep.yaml")).contains("nests mappings and lists more than 64 levels deep");
    }

    @Test
    void deepBlockNestingIsRefusedWithTheLimit() {
        StringBuilder yaml = new StringBuilder("version: 1\n");
        for (int i = 0; i < 200; i++) {
            yaml.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        fixture.write("deep.yaml", yaml.append(" ".repeat(200)).append("v\n").toString());

        assertThat(problems("deep.yaml")).contains("more than 64 levels deep");
    }

    @Test
    void oversizedFileIsReportedAsTooBigNotAsSyntax() {
        fixture.write("huge.yaml", "version: 1\n# " + "x".repeat(3 << 20) + "\nservices: {}\n");

        assertThat(problems("huge.yaml"))
                .contains(dir.resolve("huge.yaml") + ": is 3.0 MiB, over the limit of 1.0 MiB for one profile file")
                .doesNotContain("syntax");
    }

    @Test
    void directoryGivenAsProfileIsNamedAsADirectory() throws IOException {
        Files.createDirectories(dir.resolve("profiles"));

        assertThat(problems("profiles")).contains(dir.resolve("profiles") + ": is a directory, not a profile file")
                .doesNotContain("IOException");
    }

    @Test
    void binaryFileIsNamedAsBinary() throws IOException {
        Files.write(dir.resolve("muster.jar"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08});

        assertThat(problems("muster.jar")).contains(": is a binary file (a NUL byte at offset 4), not YAML");
    }

    @Test
    void nonUtf8FileIsNamedWithTheEncodingFix() throws IOException {
        Files.write(dir.resolve("latin1.yaml"), "version: 1\nname: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(problems("latin1.yaml")).contains("is not UTF-8 text").contains("save it as UTF-8");
    }

    @Test
    void missingFileIsNamedWithThePath() {
        assertThat(problems("absent.yaml")).contains(dir.resolve("absent.yaml") + ": file not found");
    }

    @Test
    void unreadableFileNamesThePermissionAndTheFix() {
        String message = ProfileText.unreadable(new AccessDeniedException("/etc/muster/p.yaml"));

        assertThat(message).isEqualTo("cannot be read: permission denied; let muster's user read it"
                + " (chmod a+r /etc/muster/p.yaml)");
    }

    @Test
    void longExtendsChainStopsAtTheDepthLimit() {
        int files = 2000;
        for (int i = 0; i < files; i++) {
            fixture.write("p" + i + ".yaml", (i + 1 < files ? "extends: p" + (i + 1) + ".yaml\n" : "") + "version: 1\n");
        }

        assertThat(problems("p0.yaml")).contains("extends: the extends chain from " + dir.resolve("p0.yaml")
                + " is longer than 16 files");
    }

    @Test
    void extendsCycleIsNamed() {
        fixture.write("a.yaml", "extends: b.yaml\nversion: 1\n");
        fixture.write("b.yaml", "extends: a.yaml\nversion: 1\n");

        assertThat(problems("a.yaml")).contains("extends: cycle " + dir.resolve("a.yaml") + " -> "
                + dir.resolve("b.yaml") + " -> " + dir.resolve("a.yaml"));
    }

    @Test
    void extendsOfADirectoryIsNamed() throws IOException {
        Files.createDirectories(dir.resolve("base"));
        fixture.write("a.yaml", "extends: base\nversion: 1\nservices: {}\n");

        assertThat(problems("a.yaml")).contains(dir.resolve("a.yaml") + ":1: extends: " + dir.resolve("base")
                + " is a directory; extends names one file");
    }

    @Test
    void deeplyNestedDefaultsAreRefusedBeforeInterpolation() {
        int levels = 100_000;
        fixture.write("defaults.yaml", "version: 1\nenv:\n  A: \"" + "${X:-".repeat(levels) + "v" + "}".repeat(levels)
                + "\"\nservices:\n  a: { command: [a] }\n");

        assertThat(problems("defaults.yaml")).contains(dir.resolve("defaults.yaml")
                + ":3: nests ${...} inside defaults more than 16 levels deep");
    }

    @Test
    void nestedDefaultsWithinTheLimitStillWork() {
        fixture.write("ok.yaml", "version: 1\nenv:\n  A: \"${X:-${Y:-${Z:-v}}} $${LITERAL}\"\n"
                + "services:\n  a: { command: [a] }\n");

        assertThat(fixture.profile("ok.yaml").env()).containsEntry("A", "v ${LITERAL}");
    }
}
