package dev.muster.supervisor;

import dev.muster.logs.Console;
import dev.muster.preflight.ResolvedService;
import dev.muster.process.Workload;
import dev.muster.profile.StopSpec;
import dev.muster.status.Durations;
import java.time.Duration;

/** Stops one running workload with its service's stop signal and timeout, through the unit's lifecycle. */
final class StopAction {
    private StopAction() {
    }

    /** @param forRestart true when it is stopped to be started again (the unit stays restarting) */
    static StopOutcome run(ResolvedService service, Workload process, Lifecycle lifecycle, Console console,
                           boolean forRestart) {
        return run(service, process, lifecycle, console, forRestart, service.spec().stop().timeout());
    }

    /** @param timeout how long it gets before SIGKILL: its own stop timeout, or its share of a stop budget */
    static StopOutcome run(ResolvedService service, Workload process, Lifecycle lifecycle, Console console,
                           boolean forRestart, Duration timeout) {
        StopSpec stop = service.spec().stop();
        lifecycle.apply(new UnitEvent.Stopping(stop.signal(), forRestart));
        console.info("stopping " + service.name() + ": " + stop.signal().fullName()
                + " to its process group, SIGKILL after " + Durations.format(timeout));
        Workload.StopResult result = process.stop(stop.signal(), timeout);
        StopOutcome outcome = new StopOutcome(stop.signal(), timeout, result.status(), result.forced(),
                result.elapsed());
        lifecycle.apply(new UnitEvent.Stopped(outcome, forRestart));
        console.info(service.name() + " stopped: " + outcome.describe());
        return outcome;
    }
}
