package dev.muster.cli;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.logs.Console;
import dev.muster.preflight.Plan;
import dev.muster.preflight.ResolvedService;
import dev.muster.process.Executables;
import dev.muster.profile.Profile;
import dev.muster.profile.StopSpec;
import dev.muster.secret.SecretStore;
import dev.muster.supervisor.OneOffCommand;
import dev.muster.supervisor.SignalTrap;
import dev.muster.supervisor.Supervisor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code muster run -p PROFILE [--service NAME] -- CMD...}: a one-off command with the stack's
 * dependencies up, like {@code docker compose run}. With {@code --service}, only what NAME depends
 * on (transitively) is booted, not NAME and not the unrelated services, and CMD gets NAME's user,
 * working directory and environment; without it, every service is booted and CMD gets the
 * profile's environment. CMD is attached to the terminal; muster's own lines go to stderr.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a one-off command with the services it needs up, like docker compose run.",
            "Boots what --service NAME depends on (without --service: every service), runs CMD with NAME's",
            "user, cwd and env attached to the terminal, passes SIGINT/SIGTERM on to it first, then stops",
            "every service in reverse dependency order.",
            "Exit: CMD's code (128+N if a signal killed it); 1 a dependency failed (CMD never runs),",
            "2 invalid profile or unknown service, 3 preflight failed (CMD not found included)."})
final class RunCommand implements Callable<Integer> {
    private final Streams streams;

    @Mixin
    ProfileOptions profiles;

    @Option(names = "--service", paramLabel = "NAME",
            description = "Run CMD as this service would run: its dependencies are booted, it is not.")
    String service;

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "The command and its arguments, after --.")
    List<String> command = new ArrayList<>();

    RunCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        SecretStore readOnly = SecretStore.readOnly();
        Profile whole = Profiles.load(streams, profiles.files(), readOnly).profile();
        if (service != null && !whole.services().containsKey(service)) {
            throw new MusterException(ExitCodes.INVALID_PROFILE, "run --service: no service '" + service + "' in "
                    + whole.source() + "; name one of: " + String.join(", ", whole.services().keySet()));
        }
        Clock clock = Clock.systemUTC();
        Profile checked = withService(whole);
        int width = checked.services().keySet().stream().mapToInt(String::length).max().orElse(0);
        Console console = new Console(streams.err(), streams.err(), Console.colorWanted(streams.env()), width);
        try (StackStart start = StackStart.begin(streams, profiles.files(), readOnly, checked, this::withService, console, clock)) {
            OneOffCommand oneOff = oneOff(start, console);
            Profile booted = dependencies(start.profile);
            Map<String, ResolvedService> resolved = new LinkedHashMap<>(start.plan.services());
            resolved.keySet().retainAll(booted.services().keySet());
            Supervisor supervisor = start.supervisor(booted, new Plan(resolved, start.plan.setsid(), start.plan.setpriv()),
                    console, clock);
            supervisor.attach(oneOff);
            if (service != null) {
                console.info("run: " + oneOff.describe() + " as " + service + ", after "
                        + (booted.services().isEmpty() ? "nothing (it depends on no service)"
                        : String.join(", ", booted.services().keySet())));
            }
            new SignalTrap(streams.env(), console::info).install(supervisor::signal);
            return supervisor.run();
        } finally {
            console.close();
        }
    }

    /** CMD with its program resolved like a service's command; not found is exit 3 before anything boots. */
    private OneOffCommand oneOff(StackStart start, Console console) {
        ResolvedService as = service == null ? null : start.plan.services().get(service);
        Map<String, String> env = as == null ? start.profile.env() : as.env();
        Path cwd = as == null ? streams.workDir() : as.cwd();
        String path = env.getOrDefault("PATH", streams.env().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        List<String> argv = new ArrayList<>(command);
        argv.set(0, new Executables().resolve(command.get(0), path, cwd).map(Path::toString).orElseThrow(() ->
                new MusterException(ExitCodes.PREFLIGHT_FAILED, "run: \"" + command.get(0) + "\" was not found"
                        + (command.get(0).contains("/") ? " or is not executable (relative to " + cwd + ")"
                        : " on PATH (" + path + ")") + "; nothing was started. Fix the command or install it")));
        StopSpec stop = as == null ? StopSpec.defaults() : as.spec().stop();
        return new OneOffCommand(start.launcher, argv, env, cwd, as == null ? null : as.user(), stop.timeout(),
                console::info, System.console() != null);
    }

    /** What preflight checks: the dependencies and, for its user, cwd and env, the service itself. */
    private Profile withService(Profile profile) {
        if (service == null) {
            return profile;
        }
        Map<String, dev.muster.profile.ServiceSpec> kept = new LinkedHashMap<>(dependencies(profile).services());
        kept.put(service, profile.services().get(service));
        return profile.withServices(ordered(profile, kept));
    }

    /** What is booted: every service without --service, else everything NAME depends on, transitively. */
    private Profile dependencies(Profile profile) {
        if (service == null) {
            return profile;
        }
        Map<String, dev.muster.profile.ServiceSpec> needed = new LinkedHashMap<>();
        List<String> queue = new ArrayList<>(profile.services().get(service).dependsOn().keySet());
        while (!queue.isEmpty()) {
            String next = queue.remove(0);
            if (!next.equals(service) && needed.put(next, profile.services().get(next)) == null) {
                queue.addAll(profile.services().get(next).dependsOn().keySet());
            }
        }
        return profile.withServices(ordered(profile, needed));
    }

    private static Map<String, dev.muster.profile.ServiceSpec> ordered(Profile profile,
                                                                       Map<String, dev.muster.profile.ServiceSpec> chosen) {
        Map<String, dev.muster.profile.ServiceSpec> ordered = new LinkedHashMap<>();
        profile.services().forEach((name, spec) -> {
            if (chosen.containsKey(name)) {
                ordered.put(name, spec);
            }
        });
        return ordered;
    }
}
