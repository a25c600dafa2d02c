package dev.muster.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code muster check} on profiles built to exhaust memory, stack or time, through the real jar
 * and also with a 64 MiB heap: each is exit 2, names the file and the real reason, and costs less
 * than a second more CPU time than checking a small valid profile. CPU time (the shell's
 * {@code times} for its child) is measured rather than wall time, which on a shared machine
 * varies by seconds with the load.
 */
class HostileProfileIT {
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final Duration BOUND = Duration.ofSeconds(1);

    @TempDir
    static Path dir;
    static Duration baseline;
    /** Runs its arguments, then prints the CPU time of its children ({@code times}, second line) to stderr. */
    private static final List<String> TIMED = List.of("sh", "-c", "\"$@\"; status=$?; times >&2; exit $status", "sh");
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");

    @BeforeAll
    static void measureAValidCheck() throws IOException {
        Path valid = Files.writeString(dir.resolve("valid.yaml"), "version: 1\nservices:\n  t: {kind: task, command: [\"true\"]}\n");
        try (MusterRun run = MusterRun.startWrapped(TIMED, dir, Map.of(), "check", "-p", valid.toString())) {
            assertThat(run.awaitExit(QUICK)).as(run.output()).isEqualTo(0);
            baseline = cpuTime(run);
        }
    }

    static Stream<Arguments> hostileFiles() throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(write("laughs.yaml", billionLaughs()), "expands to more than 100000 values once its aliases");
        cases.put(write("deep.yaml", "version: 1\nx: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n"),
                "more than 64 levels deep");
        cases.put(write("huge.yaml", "version: 1\n# " + "x".repeat(4 << 20) + "\n"), "is 4.0 MiB, over the limit of 1.0 MiB");
        cases.put(extendsChain(2000), "is longer than 16 files");
        cases.put(write("defaults.yaml", "version: 1\nenv:\n  A: \"" + "${X:-".repeat(20_000) + "v"
                + "}".repeat(20_000) + "\"\n"), "nests ${...} inside defaults more than 16 levels deep");
        cases.put(write("cycle.yaml", "extends: cycle.yaml\nversion: 1\n"), "extends: cycle ");
        cases.put(write("to-dir.yaml", "extends: .\nversion: 1\n"), "is a directory; extends names one file");
        cases.put(Files.createDirectories(dir.resolve("a-directory")).toString(), "is a directory, not a profile file");
        cases.put(dir.resolve("absent.yaml").toString(), "file not found");
        Path binary = Files.write(dir.resolve("binary.yaml"), new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        cases.put(binary.toString(), "is a binary file");
        return cases.entrySet().stream().flatMap(e -> Stream.of(
                Arguments.of(e.getKey(), e.getValue(), ""), Arguments.of(e.getKey(), e.getValue(), "-Xmx64m")));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("hostileFiles")
    void checkExitsTwoWithTheReasonWithinASecond(String profile, String reason, String jvmOptions) {
        Map<String, String> env = jvmOptions.isEmpty() ? Map.of() : Map.of("JAVA_TOOL_OPTIONS", jvmOptions);
        try (MusterRun run = MusterRun.startWrapped(TIMED, dir, env, "check", "-p", profile)) {
            int exit = run.awaitExit(QUICK);
            Duration cpu = cpuTime(run);

            String stderr = String.join("\n", run.stderr());
            assertThat(exit).as(run.output()).isEqualTo(2);
            assertThat(stderr).as(run.output()).contains(profile).contains(reason)
                    .doesNotContain("Exception").doesNotContain("Error:").doesNotContain("\tat ");
            assertThat(cpu).as("check took %s of CPU, a valid profile %s", cpu, baseline)
                    .isLessThan(baseline.plus(BOUND));
        }
    }

    /** The user plus system CPU time of muster, from the last {@code times} line on stderr. */
    private static Duration cpuTime(MusterRun run) {
        List<String> stderr = run.stderr();
        Matcher times = TIMES.matcher(stderr.isEmpty() ? "" : stderr.get(stderr.size() - 1).strip());
        assertThat(times.matches()).as(run.output("the shell's times line ends stderr")).isTrue();
        return seconds(times.group(1), times.group(2)).plus(seconds(times.group(3), times.group(4)));
    }

    private static Duration seconds(String minutes, String seconds) {
        return Duration.ofMinutes(Long.parseLong(minutes)).plusNanos((long) (Double.parseDouble(seconds) * 1e9));
    }

    private static String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private static String extendsChain(int files) throws IOException {
        for (int i = 0; i < files; i++) {
            write("chain" + i + ".yaml", (i + 1 < files ? "extends: chain" + (i + 1) + ".yaml\n" : "") + "version: 1\n");
        }
        return dir.resolve("chain0.yaml").toString();
    }

    private static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("version: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            yaml.append(level).append(": &").append(level).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, "*" + (char) (level - 1)))).append("]\n");
        }
        return yaml.toString();
    }
}
