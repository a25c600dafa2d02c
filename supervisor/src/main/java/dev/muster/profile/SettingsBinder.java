package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds {@code preflight:} ({@code commands}, {@code env}, {@code ports}, {@code production}) and
 * {@code control:} ({@code listen} as host:port, {@code tail}, {@code token_env}, {@code token_file},
 * {@code run_dir}, {@code app} (see {@link AppBinder}), {@code app_timeout}, {@code hold}); both default when absent.
 */
final class SettingsBinder {
    private static final Pattern LISTEN = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[^:\\[\\]\\s]+):(\\d{1,5})");

    private final ProblemCollector problems;
    private final Scalars scalars;

    SettingsBinder(ProblemCollector problems) {
        this.problems = problems;
        this.scalars = new Scalars(problems);
    }

    PreflightSpec preflight(Section root) {
        Optional<Section> maybe = root.section("preflight");
        if (maybe.isEmpty()) {
            return PreflightSpec.none();
        }
        Section preflight = maybe.get();
        List<String> commands = preflight.texts("commands");
        List<String> env = preflight.texts("env");
        for (int i = 0; i < env.size(); i++) {
            if (!EnvBinder.isValidName(env.get(i))) {
                problems.add(LocationIndex.element(preflight.pathOf("env"), i), EnvBinder.invalidNameMessage(env.get(i)));
            }
        }
        List<Integer> ports = new ArrayList<>();
        preflight.value("ports").flatMap(v -> scalars.list(v, preflight.pathOf("ports"))).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                String path = LocationIndex.element(preflight.pathOf("ports"), i);
                scalars.integer(items.get(i), path, 1, 65535).ifPresent(ports::add);
            }
        });
        String production = preflight.text("production").orElse("");
        preflight.rejectUnknown();
        return new PreflightSpec(commands, env, ports, production);
    }

    ControlSpec control(Section root) {
        Optional<Section> maybe = root.section("control");
        if (maybe.isEmpty()) {
            return ControlSpec.defaults();
        }
        Section control = maybe.get();
        String listen = control.value("listen").flatMap(v -> listen(v, control.pathOf("listen")))
                .orElse(ControlSpec.DEFAULT_LISTEN);
        int tail = control.integer("tail", 0, 100_000).orElse(ControlSpec.DEFAULT_TAIL);
        String tokenEnv = control.text("token_env").map(String::strip).orElse("");
        if (!tokenEnv.isEmpty() && !EnvBinder.isValidName(tokenEnv)) {
            problems.add(control.pathOf("token_env"), EnvBinder.invalidNameMessage(tokenEnv));
        }
        java.nio.file.Path tokenFile = control.text("token_file").map(java.nio.file.Path::of).orElse(null);
        java.nio.file.Path runDir = control.text("run_dir").map(java.nio.file.Path::of).orElse(null);
        java.util.Map<String, java.net.URI> app = new AppBinder(problems).bind(control.value("app"), control.pathOf("app"));
        java.time.Duration appTimeout = control.duration("app_timeout", false).orElse(ControlSpec.DEFAULT_APP_TIMEOUT);
        java.time.Duration hold = control.duration("hold", true).orElse(java.time.Duration.ZERO);
        control.rejectUnknown();
        return new ControlSpec(listen, tail, tokenEnv, tokenFile, runDir, app, appTimeout, hold);
    }

    private Optional<String> listen(JsonNode value, String path) {
        Optional<String> text = scalars.text(value, path).map(String::strip);
        if (text.isEmpty()) {
            return text;
        }
        Matcher matcher = LISTEN.matcher(text.get());
        if (matcher.matches() && Integer.parseInt(matcher.group(2)) <= 65535) {
            return text;
        }
        problems.add(path, Scalars.show(value) + " is not host:port; write it like 127.0.0.1:7860");
        return Optional.empty();
    }
}
