package dev.muster.cli;

import dev.muster.process.Users;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The entry point: the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, System.getenv(), args));
    }

    /** Runs one command line with the given streams and environment; returns the exit status. */
    public static int run(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
        List<Class<?>> subcommands = Subcommands.forArguments(args);
        if (Subcommands.preflights(subcommands)) {
            Users.loadInBackground();
        }
        return MusterCommand.commandLine(out, err, env, subcommands).execute(args);
    }
}
