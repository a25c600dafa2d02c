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
        if (ending.get() != null) {
            StatusDocument.Ending end = new Json().read(ending.get(), StatusDocument.Ending.class);
            streams.out().println("muster stopped: " + end.how() + " (exit " + end.exitCode() + ")");
        } else {
            streams.out().println("muster stopped");
        }
        return ExitCodes.OK;
    }
}
