package dev.muster.cli;

import dev.muster.ExitCodes;
import dev.muster.control.ControlPlane;
import dev.muster.logs.Console;
import dev.muster.profile.LoadedProfile;
import dev.muster.profile.Profile;
import dev.muster.secret.SecretStore;
import dev.muster.supervisor.SignalTrap;
import dev.muster.supervisor.Supervisor;
import java.time.Clock;
import java.time.Instant;
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

    @picocli.CommandLine.Option(names = "--only", split = ",", paramLabel = "NAME",
            description = "Run only these services; the services they depend on are external, waited for with their"
                    + " ready probes at the host in hosts: or MUSTER_HOST_<NAME> (default: the service's name).")
    java.util.List<String> only = new java.util.ArrayList<>();

    UpCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        SecretStore readOnly = SecretStore.readOnly();
        LoadedProfile loaded = Profiles.load(streams, profiles.files(), readOnly);
        dev.muster.slice.Slice slice = only.isEmpty() ? null : dev.muster.slice.Slice.of(loaded.profile(), only, streams.env());
        Profile profile = slice == null ? loaded.profile() : slice.profile();
        Clock clock = Clock.systemUTC();
        int width = profile.services().keySet().stream().mapToInt(String::length).max().orElse(0);
        Console console = new Console(streams.out(), streams.err(), Console.colorWanted(streams.env()), width);
        if (slice != null) {
            console.info(slice.describe());
        }
        ControlPlane control = null;
        try (StackStart start = StackStart.begin(streams, profiles.files(), readOnly, profile, this::sliced, console, clock)) {
            Supervisor supervisor = start.supervisor(start.profile, start.plan, console, clock);
            control = startControl(start.profile, supervisor, clock, console, start.preflightAt, start.prepareAt);
            dev.muster.backup.BackupLedger ledger = start.backups().ledger();
            control.addMetrics(registry -> dev.muster.backup.BackupMetrics.register(registry, ledger));
            control.addBackups(ledger);
            ControlPlane plane = control;
            new SignalTrap(streams.env(), console::info).install(signal -> {
                plane.stopping(signal);
                supervisor.signal(signal);
            });
            plane.phase("boot", clock.instant());
            start.backups().start(supervisor.status());
            int exit = supervisor.run();
            control.finish(supervisor.ending());
            control = null;
            return exit;
        } finally {
            if (control != null) {
                control.finish(new dev.muster.status.StackEnding.Aborted(ExitCodes.SERVICE_FAILED, java.util.List.of()));
            }
            console.close();
        }
    }

    /** The profile as this container runs it: only the {@code --only} services and their externals, when given. */
    private Profile sliced(Profile profile) {
        return only.isEmpty() ? profile : dev.muster.slice.Slice.of(profile, only, streams.env()).profile();
    }

    /** The control plane, started before the boot so that /health answers 503 from the first moment. */
    private ControlPlane startControl(Profile profile, Supervisor supervisor, Clock clock, Console console,
                                      Instant preflightAt, Instant prepareAt) {
        ControlPlane control = ControlPlane.start(profile, supervisor.status(), supervisor::log, supervisor::signal,
                streams.env(), clock, console::info, console::error);
        control.phase("preflight", preflightAt);
        control.phase("prepare", prepareAt);
        return control;
    }
}
