package dev.muster.cli;

import dev.muster.ExitCodes;
import dev.muster.control.ControlPlane;
import dev.muster.logs.Console;
import dev.muster.platform.MountTable;
import dev.muster.platform.PlatformReport;
import dev.muster.preflight.Plan;
import dev.muster.prepare.Preparer;
import dev.muster.probe.Probes;
import dev.muster.process.ChildReaper;
import dev.muster.process.Children;
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

    UpCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        LoadedProfile loaded = Profiles.load(streams, profiles.files(), SecretStore.generating(new java.security.SecureRandom()));
        Profile profile = loaded.profile();
        Users users = new Users();
        Clock clock = Clock.systemUTC();
        Instant preflightAt = clock.instant();
        int width = profile.services().keySet().stream().mapToInt(String::length).max().orElse(0);
        Console console = new Console(streams.out(), streams.err(), Console.colorWanted(streams.env()), width);
        dev.muster.container.Containers containers = Profiles.containers(streams, profile, console::info);
        Plan plan;
        try {
            plan = Profiles.preflight(streams, profile, users, containers);
        } catch (RuntimeException e) {
            containers.close();
            console.close();
            throw e;
        }
        ControlPlane control = null;
        dev.muster.backup.Backups backups = null;
        try {
            Instant prepareAt = clock.instant();
            PlatformReport platform = PlatformReport.of(profile, streams.env(), MountTable.read());
            platform.lines().forEach(console::info);
            platform.warnings().forEach(console::error);
            new Preparer(users, console::info).prepare(profile);
            Children children = new Children();
            ChildReaper reaper = new ChildReaper(children, console::info);
            if (!reaper.start()) {
                console.info("could not become a child subreaper; orphans of services go to PID 1 (run under tini -g)");
            }
            ProcessLauncher launcher = new ProcessLauncher(children, plan.setsid(), plan.setpriv(), users.current(), new Signals());
            Redactor redactor = Redactor.forProfile(profile);
            backups = BackupWiring.backups(profile, clock, streams.env(), children, console);
            Supervisor supervisor = new Supervisor(profile, plan, new SupervisorParts(launcher, new Probes(launcher),
                    console, new FailureReport(), clock, redactor::redact,
                    dev.muster.schema.DatabaseSteps.create(clock, streams.env(), backups.restore()), reaper,
                    containers, backups));
            control = startControl(profile, supervisor, clock, console, preflightAt, prepareAt);
            dev.muster.backup.BackupLedger ledger = backups.ledger();
            control.addMetrics(registry -> dev.muster.backup.BackupMetrics.register(registry, ledger));
            ControlPlane plane = control;
            new SignalTrap().install(signal -> {
                plane.stopping(signal);
                supervisor.signal(signal);
            });
            plane.phase("boot", clock.instant());
            backups.start(supervisor.status());
            int exit = supervisor.run();
            control.finish(exit, supervisor.status().snapshot());
            control = null;
            return exit;
        } finally {
            if (control != null) {
                control.finish(ExitCodes.SERVICE_FAILED, java.util.List.of());
            }
            if (backups != null) {
                backups.close();
            }
            console.close();
        }
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
