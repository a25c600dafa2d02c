package dev.muster.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to start one child.
 *
 * @param argv        the program (already resolved to a path) and its arguments
 * @param env         variables added to (or replacing) muster's own environment
 * @param cwd         the working directory
 * @param user        the account to run as; null is muster's own
 * @param output      where each line of stdout and stderr goes
 * @param parentDeath the signal the child gets from the kernel when muster dies (its own clean stop
 *                    signal, so a SIGKILLed muster still leaves PostgreSQL a clean shutdown)
 */
public record LaunchRequest(List<String> argv, Map<String, String> env, Path cwd, UserId user, OutputListener output,
                            Signal parentDeath) {
    public LaunchRequest {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must not be empty");
        }
        env = Map.copyOf(env);
        Objects.requireNonNull(cwd, "cwd");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(parentDeath, "parentDeath");
    }

    /** A child that gets SIGTERM when muster dies (probes, tasks, anything without its own stop signal). */
    public LaunchRequest(List<String> argv, Map<String, String> env, Path cwd, UserId user, OutputListener output) {
        this(argv, env, cwd, user, output, Signal.TERM);
    }
}
