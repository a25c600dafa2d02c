package dev.muster.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a command prints and what environment it sees, so tests can run commands in-process.
 *
 * @param out stdout
 * @param err stderr
 * @param env muster's environment
 */
record Streams(PrintStream out, PrintStream err, Map<String, String> env) {
    Streams {
        env = Map.copyOf(env);
    }

    Path workDir() {
        return Path.of("").toAbsolutePath();
    }
}
