package dev.muster.cli;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code muster}: the top-level command; every action is a subcommand. */
@Command(name = "muster", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Prepares, boots, supervises and cleanly stops the services of one container.",
        subcommands = {UpCommand.class, CheckCommand.class, ConfigCommand.class, StatusCommand.class, LogsCommand.class,
            DownCommand.class, RunCommand.class, ReproduceCommand.class, SchemaCommand.class, ProbeCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public final class MusterCommand implements Runnable {
    /** Columns of every help text: the descriptions are written for lines of up to 100 characters. */
    static final int HELP_WIDTH = 100;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!e\\.g|i\\.e)\\.(\\s|$)");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: up, run, check, config, status, logs, down, reproduce or schema (see --help)");
    }

    /** A command line whose commands print to {@code out}/{@code err} and read {@code env}. */
    static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> env) {
        Streams streams = new Streams(out, err, env);
        CommandLine line = new CommandLine(new MusterCommand(), new Factory(streams));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setUsageHelpWidth(HELP_WIDTH);
        line.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, MusterCommand::commandList);
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

    /**
     * The list of subcommands in the top-level help: each with the first whole sentence of its
     * description, wrapped to the help width (picocli's default shows only the first line, which
     * ends mid-sentence).
     */
    static String commandList(CommandLine.Help help) {
        if (help.subcommands().isEmpty()) {
            return "";
        }
        int nameWidth = help.subcommands().keySet().stream().mapToInt(String::length).max().orElse(0) + 4;
        CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(help.colorScheme(),
                new CommandLine.Help.Column(nameWidth, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(help.commandSpec().usageMessage().width() - nameWidth, 0,
                        CommandLine.Help.Column.Overflow.WRAP));
        help.subcommands().forEach((name, sub) -> table.addRowValues(name, summary(sub.commandSpec())));
        return table.toString();
    }

    /** The first sentence of {@code spec}'s header or, without one, of its description, its lines joined. */
    static String summary(CommandLine.Model.CommandSpec spec) {
        String[] lines = spec.usageMessage().header().length > 0 ? spec.usageMessage().header()
                : spec.usageMessage().description();
        String text = String.join(" ", lines).replace("%n", " ").replace("%%", "%").strip().replaceAll("\\s+", " ");
        Matcher end = SENTENCE_END.matcher(text);
        return end.find() ? text.substring(0, end.start() + 1) : text;
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
