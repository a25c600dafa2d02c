package dev.muster.cli;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.probe.Probe;
import dev.muster.probe.ProbeResult;
import dev.muster.probe.Probes;
import dev.muster.probe.PollOutcome;
import dev.muster.probe.PollSettings;
import dev.muster.probe.Poller;
import dev.muster.process.Sleeper;
import dev.muster.process.Children;
import dev.muster.process.Executables;
import dev.muster.process.LaunchRequest;
import dev.muster.process.ProcessLauncher;
import dev.muster.process.Signals;
import dev.muster.process.UserId;
import dev.muster.process.Users;
import dev.muster.profile.Profile;
import dev.muster.profile.ProbeSpec;
import dev.muster.profile.ServiceSpec;
import dev.muster.secret.SecretStore;
import dev.muster.slice.ExternalHosts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code muster probe NAME}: one attempt of a service's ready probe (or its live probe), as a
 * container health check runs it. Prints one line; exit 0 when it passed, 1 when not, 2 when the
 * profile or the name is wrong. Secrets are read, never generated.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"One attempt of NAME's ready probe (--live: its live probe); one line of output.",
            "Exit: 0 passed, 1 did not pass, 2 invalid profile, unknown service or no such probe."})
final class ProbeCommand implements Callable<Integer> {
    private static final Duration MIN_INTERVAL = Duration.ofMillis(250);

    private final Streams streams;

    @Mixin
    ProfileOptions profiles;

    @Parameters(index = "0", paramLabel = "NAME", description = "The service whose probe runs.")
    String name;

    @Option(names = "--live", description = "Run the live: probe instead of the ready: probe.")
    boolean live;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "The longest one attempt may take (default: 5).")
    int timeoutSeconds = 5;

    @Option(names = "--remote", description = "NAME runs elsewhere: aim the probe at its host (MUSTER_HOST_<NAME>,"
            + " hosts:, or its name), as up --only does for an external dependency.")
    boolean remote;

    @Option(names = "--wait", description = "Repeat the attempt (at the probe's interval, at least 250ms) until it passes"
            + " or NAME's ready timeout has passed: an init container that waits for a dependency.")
    boolean await;

    ProbeCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        Profile profile = Profiles.load(streams, profiles.files(), SecretStore.readOnly()).profile();
        ServiceSpec service = profile.services().get(name);
        if (service == null) {
            throw new MusterException(ExitCodes.INVALID_PROFILE, "no service " + name + " in " + profile.source()
                    + "; name one of: " + String.join(", ", profile.services().keySet()));
        }
        ProbeSpec spec = probeOf(service);
        if (spec instanceof ProbeSpec.Log) {
            throw new MusterException(ExitCodes.INVALID_PROFILE, name + ": its " + which() + " probe (" + spec.describe()
                    + ") reads the output of the running service, which a separate muster probe cannot see;"
                    + " give it a tcp, http, exec, postgres or redis probe");
        }
        if (remote) {
            String host = new ExternalHosts(profile, streams.env()).hostOf(name);
            ProbeSpec local = spec;
            spec = spec.withHost(host).orElseThrow(() -> new MusterException(ExitCodes.INVALID_PROFILE, name + ": its "
                    + which() + " probe (" + local.describe() + ") can only run next to " + name + ", not from another host"));
        }
        try (Probe probe = create(profile, service, spec)) {
            ProbeResult result = await ? waitFor(probe, service) : probe.check(Duration.ofSeconds(timeoutSeconds));
            streams.out().println(name + " " + which() + ": " + (result.ready() ? "passed" : "not passed")
                    + " (" + probe.describe() + ": " + result.detail() + ")");
            return result.ready() ? ExitCodes.OK : ExitCodes.SERVICE_FAILED;
        }
    }

    private ProbeResult waitFor(Probe probe, ServiceSpec service) {
        Duration interval = service.ready().interval().compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : service.ready().interval();
        PollSettings settings = new PollSettings(service.ready().startPeriod(), interval, service.ready().timeout(),
                PollSettings.MAX_READY_ATTEMPT, 1);
        PollOutcome outcome = new Poller(Clock.systemUTC(), Sleeper.system()).untilPasses(probe, settings,
                new CompletableFuture<>(), result -> { });
        ProbeResult last = outcome.last();
        if (outcome.passed()) {
            return last;
        }
        return ProbeResult.notYet("not passed within " + service.ready().timeout().toSeconds() + "s"
                + (last == null ? "" : "; last attempt: " + last.detail()));
    }

    private String which() {
        return live ? "live" : "ready";
    }

    private ProbeSpec probeOf(ServiceSpec service) {
        ProbeSpec spec = live ? (service.live() == null ? null : service.live().probe()) : service.ready().probe();
        if (spec == null) {
            throw new MusterException(ExitCodes.INVALID_PROFILE, name + " has no " + which() + ": probe; add one"
                    + " (e.g. " + which() + ": { tcp: { port: N } }) or do not ask muster probe about it");
        }
        return spec;
    }

    private Probe create(Profile profile, ServiceSpec service, ProbeSpec spec) {
        if (!(spec instanceof ProbeSpec.Exec exec)) {
            return new Probes(null).create(spec, null, null);
        }
        Map<String, String> env = new LinkedHashMap<>(profile.env());
        env.putAll(service.env());
        Path workDir = streams.workDir();
        Path cwd = service.cwd() == null ? workDir : workDir.resolve(service.cwd()).normalize();
        String path = env.getOrDefault("PATH", streams.env().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        Executables executables = new Executables();
        List<String> argv = new java.util.ArrayList<>(exec.argv());
        argv.set(0, executables.resolve(argv.get(0), path, cwd).map(Path::toString).orElse(argv.get(0)));
        Users users = new Users();
        UserId self = users.current();
        UserId user = service.user() == null || self.uid() != 0 ? null : users.resolve(service.user());
        String hostPath = streams.env().getOrDefault("PATH", "/usr/bin:/bin");
        ProcessLauncher launcher = new ProcessLauncher(new Children(), tool(executables, "setsid", hostPath, workDir),
                user == null ? null : tool(executables, "setpriv", hostPath, workDir), self, new Signals());
        return new Probes(launcher).create(spec, null, listener -> new LaunchRequest(argv, env, cwd, user, listener));
    }

    private static Path tool(Executables executables, String tool, String path, Path workDir) {
        return executables.resolve(tool, path, workDir).orElseThrow(() -> new MusterException(ExitCodes.PREFLIGHT_FAILED,
                "muster needs " + tool + " (util-linux) on PATH (" + path + "); install util-linux"));
    }
}
