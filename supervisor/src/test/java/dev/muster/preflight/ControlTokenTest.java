package dev.muster.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.profile.ControlSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlTokenTest {
    private static List<String> problems(ControlSpec spec, Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        ControlToken.check(spec, environment, Map.of(), problems);
        return problems;
    }

    @Test
    void missingTokenNamesTheVariableTheProfileChose() {
        ControlSpec spec = new ControlSpec("0.0.0.0:7860", 50, "APP_CONTROL_TOKEN", null, null);

        assertThat(problems(spec, Map.of())).singleElement().asString()
                .contains("$APP_CONTROL_TOKEN (control.token_env) is unset or empty; set APP_CONTROL_TOKEN to a long random value")
                .doesNotContain("MUSTER_TOKEN");
    }

    @Test
    void missingTokenFileNamesTheFile() {
        ControlSpec spec = new ControlSpec("0.0.0.0:7860", 50, "", Path.of("/run/secrets/absent-token"), null);

        assertThat(problems(spec, Map.of())).singleElement().asString()
                .contains("/run/secrets/absent-token (control.token_file) is missing, unreadable or empty")
                .doesNotContain("MUSTER_TOKEN");
    }

    @Test
    void withNoTokenSettingTheFixSuggestsMusterToken() {
        assertThat(problems(new ControlSpec("0.0.0.0:7860", 50), Map.of())).singleElement().asString()
                .contains("no token_env or token_file is set; set control: { token_env: MUSTER_TOKEN }");
    }

    @Test
    void aSetTokenOrALoopbackListenPasses() {
        ControlSpec spec = new ControlSpec("0.0.0.0:7860", 50, "APP_CONTROL_TOKEN", null, null);

        assertThat(problems(spec, Map.of("APP_CONTROL_TOKEN", "s3cr3t-value"))).isEmpty();
        assertThat(problems(new ControlSpec("127.0.0.1:7860", 50), Map.of())).isEmpty();
    }
}
