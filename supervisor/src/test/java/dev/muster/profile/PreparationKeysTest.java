package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code env_file:}, {@code files[].template}, {@code recursive:} and setgid modes. */
class PreparationKeysTest {
    @TempDir
    Path dir;
    ProfileFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ProfileFixture(dir);
    }

    private String profile(String top) {
        return "version: 1\n" + top + "services:\n  app: { command: [app] }\n";
    }

    @Test
    void envFilesAreReadInOrderBeforeEnv() {
        fixture.write("app.env", """
                # the app's settings
                export DB_NAME=app
                GREETING="hello\\t${DB_NAME}"   # double quotes: escapes and interpolation
                LITERAL='${NOT_EXPANDED}'
                PLAIN=a b c # a comment
                HASH=a#b
                EMPTY=
                """);
        fixture.write("p.yaml", profile("env_file: [" + dir.resolve("app.env") + ", \"?" + dir.resolve("absent.env")
                + "\"]\nenv:\n  DB_URL: postgresql://db/${DB_NAME}\n  PLAIN: overridden\n"));

        Profile profile = fixture.profile("p.yaml");

        assertThat(profile.env()).containsEntry("DB_NAME", "app").containsEntry("GREETING", "hello\tapp")
                .containsEntry("LITERAL", "${NOT_EXPANDED}").containsEntry("HASH", "a#b").containsEntry("EMPTY", "")
                .containsEntry("DB_URL", "postgresql://db/app").containsEntry("PLAIN", "overridden");
    }

    @Test
    void missingEnvFileAndMalformedLinesAreErrorsWithFileAndLine() {
        Path bad = fixture.write("bad.env", "GOOD=1\nthis is not a variable\nQUOTED=\"open\n");
        fixture.write("p.yaml", profile("env_file: [" + bad + ", " + dir.resolve("absent.env") + "]\n"));

        assertThat(fixture.problems("p.yaml"))
                .contains(bad + ":2: env_file[0]: line 2 is not KEY=value (a name of letters, digits and _, then =)")
                .contains(bad + ":3: env_file[0]: line 3 has no closing \" for the value of QUOTED; close the quote")
                .contains("env_file[1]: " + dir.resolve("absent.env") + " does not exist; create it, or write \"?"
                        + dir.resolve("absent.env") + "\" to make it optional");
    }

    @Test
    void templateIsRenderedWithTheProfilesVariables() throws Exception {
        Path template = Files.writeString(dir.resolve("nginx.conf.tmpl"),
                "server { listen ${PORT:-8080}; root ${ROOT}; set $$x 1; }\n");
        fixture.env("ROOT", "/srv");
        fixture.write("p.yaml", profile("files:\n  - { path: /etc/nginx/conf.d/app.conf, template: " + template + " }\n"));

        FileSpec file = fixture.profile("p.yaml").files().get(0);

        assertThat(file.content()).isEqualTo("server { listen 8080; root /srv; set $x 1; }\n");
        assertThat(file.template()).isEqualTo(template);
    }

    @Test
    void templateProblemsAreReported() throws Exception {
        Path big = dir.resolve("big.tmpl");
        Files.write(big, new byte[Templates.MAX_BYTES + 1]);
        Path undefined = Files.writeString(dir.resolve("u.tmpl"), "x=${UNDEFINED}\n");
        fixture.write("p.yaml", profile("files:\n  - { path: /a, template: " + big + " }\n"
                + "  - { path: /b, template: " + undefined + ", content: x }\n  - { path: /c }\n"));

        assertThat(fixture.problems("p.yaml"))
                .contains("files[0].template: " + big + " is over 1 MiB")
                .contains("files[1].template: " + undefined + ": ${UNDEFINED} is not set")
                .contains("files[1].content: is given together with template; keep one of them")
                .contains("files[2].content: missing; add content: \"KEY=value\\n\" or template: /app/config.tmpl");
    }

    @Test
    void directoriesTakeSetgidModesAndRecursive() {
        fixture.write("p.yaml", profile("directories:\n  - { path: /data/media, owner: app, mode: \"2775\", recursive: true }\n"
                + "  - { path: /tmp/x, mode: \"0755\" }\n"));

        Profile profile = fixture.profile("p.yaml");

        assertThat(profile.directories().get(0))
                .isEqualTo(new DirectorySpec(Path.of("/data/media"), "app", new FileMode(02775), true));
        assertThat(profile.directories().get(0).mode()).hasToString("2775");
        assertThat(profile.directories().get(1).recursive()).isFalse();
    }

    @Test
    void badModesAndEmptyRecursiveAreExplained() {
        fixture.write("p.yaml", profile("directories:\n  - { path: /a, mode: \"8775\" }\n  - { path: /b, recursive: true }\n"));

        assertThat(fixture.problems("p.yaml"))
                .contains("directories[0].mode: \"8775\" is not a file mode; write three or four octal digits in quotes,"
                        + " like mode: \"0755\" or \"2775\" (setgid)")
                .contains("directories[1].recursive: has nothing to apply; add owner: or mode:, or remove recursive:");
    }
}
