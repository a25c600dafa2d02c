package dev.muster.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The list of subcommands in the top-level help: each with the first whole sentence of its
 * description, wrapped to the help width (picocli's default shows only the first line, which
 * ends mid-sentence).
 *
 * <p>A named class, not a lambda: a lambda over picocli's types links picocli's (pre-Java-6)
 * classes while the shim's class-data archive is dumped, and such classes are then left out of it.
 */
final class CommandList implements CommandLine.IHelpSectionRenderer {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!e\\.g|i\\.e)\\.(\\s|$)");

    @Override
    public String render(CommandLine.Help help) {
        if (help.subcommands().isEmpty()) {
            return "";
        }
        int nameWidth = 4;
        for (String name : help.subcommands().keySet()) {
            nameWidth = Math.max(nameWidth, name.length() + 4);
        }
        CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(help.colorScheme(),
                new CommandLine.Help.Column(nameWidth, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(help.commandSpec().usageMessage().width() - nameWidth, 0,
                        CommandLine.Help.Column.Overflow.WRAP));
        for (Map.Entry<String, CommandLine.Help> sub : help.subcommands().entrySet()) {
            table.addRowValues(sub.getKey(), summary(sub.getValue().commandSpec()));
        }
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
}
