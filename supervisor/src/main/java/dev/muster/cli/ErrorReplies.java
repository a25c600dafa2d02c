package dev.muster.cli;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import picocli.CommandLine;

/**
 * What muster prints for a bad command line ({@code muster: WHAT} and a {@code Try 'muster X --help'}
 * hint, exit {@link ExitCodes#INVALID_PROFILE}) and for a {@link MusterException} from a command
 * ({@code muster: MESSAGE}, its exit code). Anything else is a bug and is rethrown.
 *
 * <p>A named class, not lambdas, for the reason given on {@link CommandList}.
 */
final class ErrorReplies implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        line.getErr().println("muster: " + e.getMessage());
        line.getErr().println("Try '" + line.getCommandSpec().qualifiedName() + " --help'.");
        return ExitCodes.INVALID_PROFILE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        if (e instanceof MusterException muster) {
            command.getErr().println("muster: " + muster.getMessage());
            return muster.exitCode();
        }
        throw e;
    }
}
