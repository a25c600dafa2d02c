package dev.muster.supervisor;

import dev.muster.preflight.ResolvedService;
import dev.muster.process.Workload;
import dev.muster.profile.StopSpec;
import dev.muster.status.Durations;
import dev.muster.status.ServiceState;

/** Stops one running service with its stop signal and timeout, and says what happened. */
final class StopAction {
    private final ResolvedService service;
    private final Workload process;
    private final UnitContext context;

    StopAction(ResolvedService service, Workload process, UnitContext context) {
        this.service = service;
        this.process = process;
        this.context = context;
    }

    void run() {
        StopSpec stop = service.spec().stop();
        String name = service.name();
        context.status().update(name, s -> s.with(ServiceState.STOPPING, "sent " + stop.signal().fullName()));
        context.console().info("stopping " + name + ": " + stop.signal().fullName() + " to its process group, SIGKILL after "
                + Durations.format(stop.timeout()));
        Workload.StopResult result = process.stop(stop.signal(), stop.timeout());
        String how = result.status() == null ? "did not exit even after SIGKILL"
                : result.status().signal().filter(stop.signal()::equals).isPresent()
                ? "ended by " + stop.signal().fullName() + " as asked (exit " + result.status().code() + ", a clean stop)"
                : result.status().describe();
        String detail = result.forced()
                ? "did not stop within " + Durations.format(stop.timeout()) + " of " + stop.signal().fullName()
                    + "; muster killed its process group with SIGKILL"
                : how + " in " + Durations.format(result.elapsed());
        context.status().update(name, s -> s.with(ServiceState.STOPPED, detail));
        context.console().info(name + " stopped: " + detail);
    }
}
