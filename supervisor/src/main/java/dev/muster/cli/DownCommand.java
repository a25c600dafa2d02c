package dev.muster.cli;

import dev.muster.ExitCodes;
import dev.muster.client.SupervisorLocator;
import dev.muster.control.Json;
import dev.muster.control.StatusDocument;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code muster down}: ask the running supervisor for a graceful stop and wait until it is done. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = {"Ask the running supervisor to stop every service cleanly, exactly as SIGTERM would,",
            "and wait until it has. Exit: 0 stopped (or nothing was running)."})
final class DownCommand implements Callable<Integer> {
    private final Streams streams;

    @Mixin
    ClientOptions client;

    DownCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        SupervisorLocator.Target target = new SupervisorLocator(streams.env()).locate(client.profile(streams));
        if (!target.client().down()) {
            streams.out().println("no supervisor answers at " + target.client().base() + ": nothing to stop");
            return ExitCodes.OK;
        }
        streams.out().println("muster at " + target.client().base() + " is stopping every service...");
        streams.out().flush();
        AtomicReference<String> ending = new AtomicReference<>();
        target.client().follow("/events?logs=0", (type, data) -> {
            if (type.equals("end")) {
                ending.set(data);
            }
        });
        SupervisorLocator locator = new SupervisorLocator(streams.env());
        java.util.Optional<StatusDocument.Ending> end = ending.get() != null
                ? java.util.Optional.of(new Json().read(ending.get(), StatusDocument.Ending.class))
                // stopped before the event stream was open: its boot record, written before the server stops, says how
                : target.record().flatMap(locator::read).map(StatusDocument::ended);
        if (end.isPresent()) {
            streams.out().println("muster stopped: " + end.get().how() + " (exit " + end.get().exitCode() + ")");
        } else {
            streams.out().println("muster stopped");
        }
        return ExitCodes.OK;
    }
}
