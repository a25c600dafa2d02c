package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootBindingTest {
    private static final String SERVICES = "services:\n  a: { command: [a] }\n";

    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir);
    }

    private Profile profile(String yaml) {
        fixture.write("p.yaml", "version: 1\n" + yaml + SERVICES);
        return fixture.profile("p.yaml");
    }

    private String problems(String yaml) {
        fixture.write("p.yaml", yaml + SERVICES);
        return fixture.problems("p.yaml");
    }

    @Test
    void versionIsRequiredAndMustBeOne() {
        assertThat(problems("name: x\n")).contains(":1: version: missing; add version: 1 at the top of the profile");
        assertThat(problems("version: 2\n"))
                .contains(":1: version: 2 is not supported; this muster reads version 1, write version: 1");
    }

    @Test
    void unknownRootKeySuggestsTheClosestKnownKey() {
        assertThat(problems("version: 1\nenviron: {}\n"))
                .contains(":2: environ: unknown key; did you mean 'env'? The keys here are: version, name, env,");
    }

    @Test
    void modesMayBeQuotedUnquotedOrPlain() {
        Profile profile = profile("""
                directories:
                  - { path: /a, mode: "0750" }
                  - { path: /b, mode: 0755 }
                  - { path: /c, mode: 700 }
                """);

        assertThat(profile.directories()).extracting(DirectorySpec::mode)
                .containsExactly(new FileMode(0750), new FileMode(0755), new FileMode(0700));
    }

    @Test
    void modeThatIsNotOctalAsksForQuotes() {
        assertThat(problems("version: 1\nfiles:\n  - { path: /a, content: x, mode: 493 }\n"))
                .contains(":3: files[0].mode: 493 is not a file mode; write three or four octal digits in quotes,"
                        + " like mode: \"0755\" or \"2775\" (setgid)");
    }

    @Test
    void filesNeedPathAndContentAndDefaultTo0644() {
        assertThat(profile("files:\n  - { path: /a, content: \"\" }\n").files())
                .containsExactly(new FileSpec(Path.of("/a"), "", FileSpec.DEFAULT_MODE, null));
        assertThat(problems("version: 1\nfiles:\n  - { path: /a }\n"))
                .contains("files[0].content: missing; add content: \"KEY=value\\n\"");
    }

    @Test
    void secretsTakeAFileAndDefaultTo32Bytes() {
        Profile profile = profile("secrets:\n  API_KEY: { file: /s/api }\n  OTHER: /s/other\n");

        assertThat(profile.secrets().values()).containsExactly(
                new SecretSpec("API_KEY", Path.of("/s/api"), 32), new SecretSpec("OTHER", Path.of("/s/other"), 32));
        assertThat(problems("version: 1\nsecrets:\n  K: { bytes: 0 }\n"))
                .contains("secrets.K.file: missing; add file: /data/secrets/k")
                .contains("secrets.K.bytes: 0 is not a whole number from 1 to 4096");
    }

    @Test
    void preflightChecksPortsAndNames() {
        assertThat(profile("preflight: { ports: [\"8000\"], production: yes-please }\n").preflight())
                .isEqualTo(new PreflightSpec(List.of(), List.of(), List.of(8000), "yes-please"));
        assertThat(problems("version: 1\npreflight: { ports: [0], env: [BAD-NAME], commmands: [x] }\n"))
                .contains("preflight.ports[0]: 0 is not a whole number from 1 to 65535")
                .contains("preflight.env[0]: \"BAD-NAME\" is not a valid variable name")
                .contains("preflight.commmands: unknown key; did you mean 'commands'?");
    }

    @Test
    void controlListenIsHostAndPort() {
        assertThat(profile("").control()).isEqualTo(ControlSpec.defaults());
        assertThat(profile("control: { listen: \"0.0.0.0:0\" }\n").control())
                .isEqualTo(new ControlSpec("0.0.0.0:0", ControlSpec.DEFAULT_TAIL));
        assertThat(problems("version: 1\ncontrol: { listen: localhost, tail: -1 }\n"))
                .contains("control.listen: \"localhost\" is not host:port; write it like 127.0.0.1:7860")
                .contains("control.tail: -1 is not a whole number from 0 to 100000");
    }

    @Test
    void wrongShapesAreReportedNotThrown() {
        assertThat(problems("version: 1\nenv: [A, B]\ndirectories: { path: /x }\npreflight: []\n"))
                .contains("env: is a list, but must be a mapping")
                .contains("directories: is a mapping, but must be a list")
                .contains("preflight: is a list, but must be a mapping");
    }
}
