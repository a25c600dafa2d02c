package dev.muster.supervisor;

import dev.muster.process.Signal;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns SIGTERM, SIGINT and SIGHUP into calls of a handler instead of the JVM's default exit,
 * so muster can stop its services cleanly first and then exit 128+N itself.
 */
public final class SignalTrap {
    private static final List<Signal> TRAPPED = List.of(Signal.TERM, Signal.INT, Signal.HUP);

    /** Installs the handler for every trapped signal; it runs on a JVM signal thread and must not block. */
    public void install(Consumer<Signal> handler) {
        for (Signal signal : TRAPPED) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal.name()), s -> handler.accept(signal));
        }
    }
}
