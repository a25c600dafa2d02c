package dev.muster.supervisor;

import dev.muster.container.Containers;
import dev.muster.logs.Console;
import dev.muster.probe.Probes;
import dev.muster.process.ChildReaper;
import dev.muster.process.ProcessLauncher;
import dev.muster.profile.Kind;
import dev.muster.status.FailureReport;
import dev.muster.step.InProcessStep;
import java.util.Map;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * The collaborators a {@link Supervisor} is built from.
 *
 * @param launcher starts processes
 * @param probes   creates readiness probes
 * @param console  the terminal
 * @param report   renders failure reports
 * @param clock    time, injectable for tests
 * @param redact   removes secrets from printed text
 * @param steps    the in-process work of the schema and migrations kinds
 * @param reaper   reaps and, at the end, stops orphans of the services
 * @param containers runs services that have an {@code image:} ({@link Containers#none()} when none has)
 * @param stopHooks  work done at a unit's turn in the shutdown, before it stops (the on-stop dumps)
 */
public record SupervisorParts(ProcessLauncher launcher, Probes probes, Console console, FailureReport report,
                              Clock clock, UnaryOperator<String> redact, Map<Kind, InProcessStep> steps,
                              ChildReaper reaper, Containers containers, StopHooks stopHooks) {
    public SupervisorParts {
        steps = Map.copyOf(steps);
        stopHooks = stopHooks == null ? StopHooks.none() : stopHooks;
    }

    /** Without stop hooks. */
    public SupervisorParts(ProcessLauncher launcher, Probes probes, Console console, FailureReport report,
                           Clock clock, UnaryOperator<String> redact, Map<Kind, InProcessStep> steps,
                           ChildReaper reaper, Containers containers) {
        this(launcher, probes, console, report, clock, redact, steps, reaper, containers, StopHooks.none());
    }
}
