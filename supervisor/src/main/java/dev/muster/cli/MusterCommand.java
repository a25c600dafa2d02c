package dev.muster.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code muster}: the top-level command; every action is a subcommand. */
@Command(name = "muster", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Prepares, boots, supervises and cleanly stops the services of one container.")
public final class MusterCommand implements Runnable {
    /** Columns of every help text: the descriptions are written for lines of up to 100 characters. */
    static final int HELP_WIDTH = 100;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: up, run, check, config, status, logs, down, reproduce or schema (see --help)");
    }

    /**
     * A command line with {@code subcommands} ({@link Subcommands#forArguments}: only the invoked one's
     * model is built) whose commands print to {@code out}/{@code err} and read {@code env}.
     */
    static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> env, List<Class<?>> subcommands) {
        Streams streams = new Streams(out, err, env);
        CommandLine line = new CommandLine(new MusterCommand(), new Factory(streams));
        for (Class<?> subcommand : subcommands) {
            line.addSubcommand(subcommand);
        }
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setUsageHelpWidth(HELP_WIDTH);
        line.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandList());
        ErrorReplies replies = new ErrorReplies();
        line.setParameterExceptionHandler(replies);
        line.setExecutionExceptionHandler(replies);
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
