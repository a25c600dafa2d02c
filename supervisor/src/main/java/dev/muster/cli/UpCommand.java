package dev.muster.cli;

import dev.muster.ExitCodes;
import dev.muster.control.ControlPlane;
import dev.muster.host.RunGuard;
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

    @picocli.CommandLine.Option(names = "--only", split = ",", paramLabel = "NAME",
            description = "Run only these services; the services they depend on are external, waited for with their"
                    + " ready probes at the host in hosts: or MUSTER_HOST_<NAME> (default: the service's name).")
    java.util.List<String> only = new java.util.ArrayList<>();

    UpCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        LoadedProfile loaded = Profiles.load(streams, profiles.files(), SecretStore.readOnly());
        dev.muster.slice.Slice slice = only.isEmpty() ? null : dev.muster.slice.Slice.of(loaded.profile(), only, streams.env());
        Profile profile = slice == null ? loaded.profile() : slice.profile();
        Users users = new Users();
        Clock clock = Clock.systemUTC();
        Instant preflightAt = clock.instant();
        int width = profile.services().keySet().stream().mapToInt(String::length).max().orElse(0);
        Console console = new Console(streams.out(), streams.err(), Console.colorWanted(streams.env()), width);
        if (slice != null) {
            console.info(slice.describe());
        }
        if (users.unprivileged()) {
            unprivilegedNotice(profile, users).ifPresent(console::info);
        }
        RunGuard guard;
        try {
            guard = RunGuard.take(profile, profile.control().runDirFor(profile.name(), profile.source()),
                    streams.workDir(), users.current().uid(), clock, console::info);
        } catch (RuntimeException e) {
            console.close();
            throw e;
        }
        dev.muster.container.Containers containers = Profiles.containers(streams, profile, console::info);
        Plan plan;
        try {
            plan = Profiles.preflight(streams, profile, users, containers);
        } catch (RuntimeException e) {
            containers.close();
            guard.close();
            console.close();
            throw e;
        }
        ControlPlane control = null;
        dev.muster.backup.Backups backups = null;
        try {
            Profile withSecrets = profile.secrets().isEmpty() ? profile
                    : sliced(Profiles.generateSecrets(streams, profiles.files(), profile));
            if (withSecrets != profile) {
                profile = withSecrets;
                plan = Profiles.preflight(streams, profile, users, containers);   // the plan carries the secrets' values
            }
            Instant prepareAt = clock.instant();
            PlatformReport platform = PlatformReport.of(profile, streams.env(), MountTable.read());
            platform.lines().forEach(console::info);
            platform.warnings().forEach(console::error);
            new Preparer(users, console::info).prepare(profile);
            java.nio.file.Path setpriv = plan.setpriv() != null ? plan.setpriv()
                    : new dev.muster.process.Executables().resolve("setpriv", streams.env().getOrDefault("PATH", ""),
                            streams.workDir()).orElse(null);
            boolean parentDeath = ProcessLauncher.supportsParentDeath(setpriv);
            if (!parentDeath) {
                console.info("no setpriv with --pdeathsig (util-linux 2.33+) here: if muster is killed, its services"
                        + " keep running unsupervised");
            }
            Children children = new Children();
            ChildReaper reaper = new ChildReaper(children, console::info);
            if (!reaper.start()) {
                console.info("could not become a child subreaper; orphans of services go to PID 1 (run under tini -g)");
            }
            ProcessLauncher launcher = new ProcessLauncher(children, plan.setsid(), setpriv, parentDeath, users.current(),
                    new Signals());
            Redactor redactor = Redactor.forProfile(profile);
            backups = BackupWiring.backups(profile, clock, streams.env(), children, console);
            Supervisor supervisor = new Supervisor(profile, plan, new SupervisorParts(launcher, new Probes(launcher),
                    console, new FailureReport(), clock, redactor::redact,
                    dev.muster.schema.DatabaseSteps.create(clock, streams.env(), backups.restore()), reaper,
                    containers));
            dev.muster.backup.Backups dumps = backups;
            dumps.stopAnchors().forEach(unit -> supervisor.beforeStopping(unit,
                    (java.time.Duration within) -> dumps.beforeStop(unit, within)));
            StopBudgetWiring.limits(profile, streams.env()).ifPresent(supervisor::stopUnder);
            control = startControl(profile, supervisor, clock, console, preflightAt, prepareAt);
            dev.muster.backup.BackupLedger ledger = backups.ledger();
            control.addMetrics(registry -> dev.muster.backup.BackupMetrics.register(registry, ledger));
            control.addBackups(ledger);
            ControlPlane plane = control;
            new SignalTrap(streams.env(), console::info).install(signal -> {
                plane.stopping(signal);
                supervisor.signal(signal);
            });
            plane.phase("boot", clock.instant());
            backups.start(supervisor.status());
            int exit = supervisor.run();
            control.finish(supervisor.ending());
            control = null;
            return exit;
        } finally {
            if (control != null) {
                control.finish(new dev.muster.status.StackEnding.Aborted(ExitCodes.SERVICE_FAILED, java.util.List.of()));
            }
            guard.close();
            if (backups != null) {
                backups.close();
            }
            console.close();
        }
    }

    /** The profile as this container runs it: only the {@code --only} services and their externals, when given. */
    private Profile sliced(Profile profile) {
        return only.isEmpty() ? profile : dev.muster.slice.Slice.of(profile, only, streams.env()).profile();
    }

    /** The one line that says user:/owner: are not applied, naming them; empty when the profile has none. */
    private static java.util.Optional<String> unprivilegedNotice(Profile profile, Users users) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        profile.services().values().stream().map(dev.muster.profile.ServiceSpec::user)
                .filter(java.util.Objects::nonNull).forEach(names::add);
        profile.directories().forEach(d -> java.util.Optional.ofNullable(d.owner()).ifPresent(names::add));
        profile.files().forEach(f -> java.util.Optional.ofNullable(f.owner()).ifPresent(names::add));
        if (names.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("muster runs as " + users.current().describe() + ", not root: every service runs"
                + " as this account and user:/owner: (" + String.join(", ", names) + ") are not applied");
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
