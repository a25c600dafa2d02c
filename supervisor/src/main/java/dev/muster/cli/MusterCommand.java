package dev.muster.cli;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code muster}: the top-level command; every action is a subcommand. */
@Command(name = "muster", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Prepares, boots, supervises and cleanly stops the services of one container.",
        subcommands = {UpCommand.class, CheckCommand.class, ConfigCommand.class, StatusCommand.class, LogsCommand.class,
            DownCommand.class, ReproduceCommand.class, SchemaCommand.class, ProbeCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public final class MusterCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: up, check, config, status, logs, down, reproduce or schema (see --help)");
    }

    /** A command line whose commands print to {@code out}/{@code err} and read {@code env}. */
    static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> env) {
        Streams streams = new Streams(out, err, env);
        CommandLine line = new CommandLine(new MusterCommand(), new Factory(streams));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("muster: " + e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.INVALID_PROFILE;
        });
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof MusterException muster) {
                cmd.getErr().println("muster: " + muster.getMessage());
                return muster.exitCode();
            }
            throw e;
        });
        return line;
    }

    /** Gives every command the streams and environment of this run. */
    private static final class Factory implements CommandLine.IFactory {
        private final Streams streams;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(Streams streams) {
            this.streams = streams;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Streams.class).newInstance(streams);
            } catch (NoSuchMethodException e) {
                return fallback.create(type);
            }
        }
    }
}
