package dev.muster.cli;

import dev.muster.ExitCodes;
import dev.muster.client.SupervisorLocator;
import dev.muster.control.CriticalChain;
import dev.muster.control.Json;
import dev.muster.control.StatusDocument;
import dev.muster.control.StatusReport;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code muster status}: ask the running supervisor; with none running, show the last boot's record. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show every service of the running stack (the boot summary's table), or, when no",
            "supervisor answers, the last boot's record and how it ended.",
            "Exit: 0 running and every service ready, 1 running but booting, restarting, degraded,",
            "failing or stopping, " + StatusCommand.NOT_RUNNING + " not running (the last boot's record is shown when there is one)."})
final class StatusCommand implements Callable<Integer> {
    /** The exit status when no supervisor answers (as LSB's "program is not running"). */
    static final int NOT_RUNNING = 3;

    private final Streams streams;

    @Mixin
    ClientOptions client;

    @Option(names = "--json", description = "Print the status document (what GET /status answers) as JSON.")
    boolean json;

    @Option(names = "--timeline", description = "Print the critical chain: the services that decided the time to all-ready.")
    boolean timeline;

    StatusCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        SupervisorLocator locator = new SupervisorLocator(streams.env());
        SupervisorLocator.Target target = locator.locate(client.profile(streams));
        Optional<StatusDocument> live = target.client().status();
        Optional<StatusDocument> document = live.or(() -> target.record().flatMap(locator::read));
        if (document.isEmpty()) {
            streams.err().println("muster: no supervisor answers at " + target.client().base() + " and there is no boot record"
                    + target.record().map(r -> " at " + r).orElse(" (pass -p PROFILE to say where its run_dir is)")
                    + "; start the stack with muster up, or point MUSTER_CONTROL at it");
            return NOT_RUNNING;
        }
        print(document.get(), live.isPresent(), target);
        if (live.isEmpty()) {
            return NOT_RUNNING;
        }
        return StatusReport.allReady(live.get()) ? ExitCodes.OK : ExitCodes.SERVICE_FAILED;
    }

    private void print(StatusDocument document, boolean isLive, SupervisorLocator.Target target) {
        List<String> lines;
        if (json) {
            lines = List.of(new Json().pretty(document));
        } else if (timeline) {
            lines = CriticalChain.of(document).map(CriticalChain::render)
                    .orElse(List.of("no service of " + document.stack() + " has become ready yet: no critical chain"));
        } else if (isLive) {
            lines = new StatusReport(ZoneId.systemDefault()).live(document);
        } else {
            boolean alive = ProcessHandle.of(document.pid()).map(ProcessHandle::isAlive).orElse(false);
            lines = new StatusReport(ZoneId.systemDefault()).recorded(document, target.client().base().toString(), alive);
        }
        lines.forEach(streams.out()::println);
    }
}
