package dev.muster.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The subcommands of {@code muster}, in the order of the top-level help, and which of them a
 * command line needs.
 *
 * <p>picocli builds a command's model (reflection over every option, mixin and converter) when
 * the command is added, so adding all of them costs every run the start-up of all of them. A
 * command line that names a subcommand first gets only that one: its own help, errors and
 * {@code Try 'muster NAME --help'} hints are the same. Anything else ({@code --help},
 * {@code help NAME}, no arguments, an unknown or misspelt name) gets all of them, so the command
 * list and picocli's "did you mean" suggestions stay complete.
 */
final class Subcommands {
    /** Every subcommand, in the order the top-level help lists them. */
    static final List<Class<?>> ALL = List.of(UpCommand.class, CheckCommand.class, ConfigCommand.class,
            StatusCommand.class, LogsCommand.class, DownCommand.class, RunCommand.class, ReproduceCommand.class,
            SchemaCommand.class, ProbeCommand.class, ExportCommand.class, CommandLine.HelpCommand.class);

    private static final Set<Class<?>> PREFLIGHTED = Set.of(UpCommand.class, RunCommand.class,
            CheckCommand.class);

    private Subcommands() {
    }

    /** The subcommands a run with {@code args} needs: the one named by {@code args[0]}, else all. */
    static List<Class<?>> forArguments(String... args) {
        if (args.length == 0) {
            return ALL;
        }
        return ALL.stream()
                .filter(type -> type != CommandLine.HelpCommand.class && answersTo(type, args[0]))
                .findFirst()
                .<List<Class<?>>>map(List::of)
                .orElse(ALL);
    }

    /** Whether {@code invoked} ({@link #forArguments}'s answer) is a command that resolves {@code user:} names at preflight (up, run, check). */
    static boolean preflights(List<Class<?>> invoked) {
        return invoked.size() == 1 && PREFLIGHTED.contains(invoked.get(0));
    }

    private static boolean answersTo(Class<?> type, String word) {
        Command command = type.getAnnotation(Command.class);
        return command.name().equals(word) || Arrays.asList(command.aliases()).contains(word);
    }
}
