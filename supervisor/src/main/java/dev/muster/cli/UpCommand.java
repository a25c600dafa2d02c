package dev.muster.cli;

import dev.muster.logs.Console;
import dev.muster.preflight.Plan;
import dev.muster.prepare.Preparer;
import dev.muster.probe.Probes;
import dev.muster.process.ProcessLauncher;
import dev.muster.process.Signals;
import dev.muster.process.Users;
import dev.muster.profile.LoadedProfile;
import dev.muster.profile.Profile;
import dev.muster.secret.Redactor;
import dev.muster.secret.SecretStore;
import dev.muster.status.FailureReport;
import dev.muster.supervisor.SignalTrap;
import dev.muster.supervisor.Supervisor;
import dev.muster.supervisor.SupervisorParts;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code muster up}: prepare, boot and supervise in the foreground; the ENTRYPOINT mode. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Prepare directories and files, start every service in dependency order, supervise them,",
            "and stop them all cleanly on SIGTERM/SIGINT.",
            "Exit: 0 clean stop, 1 a required service failed, 2 invalid profile, 3 preflight failed,",
            "128+N stopped by signal N."})
final class UpCommand implements Callable<Integer> {
    private final Streams streams;

    @Mixin
    ProfileOptions profiles;

    UpCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        LoadedProfile loaded = Profiles.load(streams, profiles.files(), SecretStore.generating(new java.security.SecureRandom()));
        Profile profile = loaded.profile();
        Users users = new Users();
        Plan plan = Profiles.preflight(streams, profile, users);
        int width = profile.services().keySet().stream().mapToInt(String::length).max().orElse(0);
        Console console = new Console(streams.out(), streams.err(), Console.colorWanted(streams.env()), width);
        try {
            new Preparer(users, console::info).prepare(profile);
            ProcessLauncher launcher = new ProcessLauncher(plan.setsid(), plan.setpriv(), users.current(), new Signals());
            Redactor redactor = Redactor.forProfile(profile);
            Supervisor supervisor = new Supervisor(profile, plan, new SupervisorParts(launcher, new Probes(launcher),
                    console, new FailureReport(), Clock.systemUTC(), redactor::redact, java.util.Map.of()));
            new SignalTrap().install(supervisor::signal);
            return supervisor.run();
        } finally {
            console.close();
        }
    }
}
