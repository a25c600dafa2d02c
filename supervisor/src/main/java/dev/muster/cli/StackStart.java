package dev.muster.cli;

import dev.muster.container.Containers;
import dev.muster.host.RunGuard;
import dev.muster.logs.Console;
import dev.muster.platform.MountTable;
import dev.muster.platform.PlatformReport;
import dev.muster.preflight.Plan;
import dev.muster.prepare.Preparer;
import dev.muster.probe.Probes;
import dev.muster.process.ChildReaper;
import dev.muster.process.Children;
import dev.muster.process.Executables;
import dev.muster.process.ProcessLauncher;
import dev.muster.process.Signals;
import dev.muster.process.Users;
import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import dev.muster.schema.DatabaseSteps;
import dev.muster.secret.Redactor;
import dev.muster.secret.SecretStore;
import dev.muster.status.FailureReport;
import dev.muster.supervisor.Supervisor;
import dev.muster.supervisor.SupervisorParts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * What {@code up} and {@code run} share between a loaded profile and its supervision: the run
 * guard (held until {@link #close()}), preflight, the secrets' values, preparation, and the
 * launcher of the services' processes. {@code view} turns the whole profile into the part that is
 * booted ({@code up --only}, {@code run}'s dependencies); it is applied again to the profile
 * reloaded with its secrets.
 */
final class StackStart implements AutoCloseable {
    final Profile profile;
    final Plan plan;
    final Users users;
    final Instant preflightAt;
    final Instant prepareAt;
    final ProcessLauncher launcher;
    private final ChildReaper reaper;
    private final Children children;
    private final Containers containers;
    private final RunGuard guard;
    private final Streams streams;
    private dev.muster.backup.Backups backups;

    private StackStart(Streams streams, Profile profile, Plan plan, Users users, Instant preflightAt, Instant prepareAt,
                       ProcessLauncher launcher, ChildReaper reaper, Children children, Containers containers,
                       RunGuard guard) {
        this.streams = streams;
        this.profile = profile;
        this.plan = plan;
        this.users = users;
        this.preflightAt = preflightAt;
        this.prepareAt = prepareAt;
        this.launcher = launcher;
        this.reaper = reaper;
        this.children = children;
        this.containers = containers;
        this.guard = guard;
    }

    /**
     * Takes the guard, preflights (exit 3), generates the secrets and prepares; {@code profile} is
     * already the view, loaded with {@code readOnly}.
     */
    static StackStart begin(Streams streams, List<Path> files, SecretStore readOnly, Profile profile,
                            UnaryOperator<Profile> view, Console console, Clock clock) {
        Users users = new Users();
        Instant preflightAt = clock.instant();
        Path onPath = new Executables().resolve("setpriv", streams.env().getOrDefault("PATH", ""), streams.workDir())
                .orElse(null);
        CompletableFuture<Boolean> parentDeathOnPath = ProcessLauncher.askParentDeath(onPath);
        if (users.unprivileged()) {
            unprivilegedNotice(profile, users).ifPresent(console::info);
        }
        RunGuard guard = RunGuard.take(profile, profile.control().runDirFor(profile.name(), profile.source()),
                streams.workDir(), users.current().uid(), clock, console::info);
        Containers containers = Profiles.containers(streams, profile, console::info);
        try {
            Plan plan = Profiles.preflight(streams, profile, users, containers);
            if (!readOnly.missing().isEmpty()) {   // a first boot: else the profile holds every secret's value
                profile = view.apply(Profiles.generateSecrets(streams, files, profile));
                plan = Profiles.preflight(streams, profile, users, containers);   // the plan carries the secrets' values
            }
            Instant prepareAt = clock.instant();
            PlatformReport platform = PlatformReport.of(profile, streams.env(), MountTable.read());
            platform.lines().forEach(console::info);
            platform.warnings().forEach(console::error);
            new Preparer(users, console::info).prepare(profile);
            Path setpriv = plan.setpriv() != null ? plan.setpriv() : onPath;
            boolean parentDeath = Objects.equals(setpriv, onPath) ? parentDeathOnPath.join()
                    : ProcessLauncher.supportsParentDeath(setpriv);
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
            return new StackStart(streams, profile, plan, users, preflightAt, prepareAt, launcher, reaper, children,
                    containers, guard);
        } catch (RuntimeException e) {
            containers.close();
            guard.close();
            throw e;
        }
    }

    /**
     * The supervisor of {@code booted} (this start's profile or a part of it) with {@code bootPlan}: its
     * backups restore a fresh database inside the schema guard and dump before PostgreSQL stops, and a
     * known platform grace bounds its stop.
     */
    Supervisor supervisor(Profile booted, Plan bootPlan, Console console, Clock clock) {
        Redactor redactor = Redactor.forProfile(profile);
        dev.muster.backup.Backups dumps = BackupWiring.backups(booted, clock, streams.env(), children, console);
        backups = dumps;
        Supervisor supervisor = new Supervisor(booted, bootPlan, new SupervisorParts(launcher, new Probes(launcher),
                console, new FailureReport(), clock, redactor::redact,
                DatabaseSteps.create(clock, streams.env(), dumps.restore()), reaper, containers));
        dumps.stopAnchors().stream().filter(booted.services()::containsKey).forEach(unit -> supervisor.beforeStopping(unit,
                (java.time.Duration within) -> dumps.beforeStop(unit, within)));
        StopBudgetWiring.limits(booted, streams.env()).ifPresent(supervisor::stopUnder);
        return supervisor;
    }

    /** The backups of the supervisor made by {@link #supervisor}, for the control plane's status and metrics. */
    dev.muster.backup.Backups backups() {
        return backups;
    }

    @Override
    public void close() {
        if (backups != null) {
            backups.close();
        }
        guard.close();
    }

    /** The one line that says user:/owner: are not applied, naming them; empty when the profile has none. */
    private static Optional<String> unprivilegedNotice(Profile profile, Users users) {
        Set<String> names = new TreeSet<>();
        profile.services().values().stream().map(ServiceSpec::user).filter(Objects::nonNull).forEach(names::add);
        profile.directories().forEach(d -> Optional.ofNullable(d.owner()).ifPresent(names::add));
        profile.files().forEach(f -> Optional.ofNullable(f.owner()).ifPresent(names::add));
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("muster runs as " + users.current().describe() + ", not root: every service runs"
                + " as this account and user:/owner: (" + String.join(", ", names) + ") are not applied");
    }
}
