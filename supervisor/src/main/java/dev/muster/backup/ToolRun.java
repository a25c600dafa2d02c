package dev.muster.backup;

import dev.muster.process.Children;
import dev.muster.profile.DatabaseSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one PostgreSQL client program to completion, bounded by a timeout, with the password in
 * {@code PGPASSWORD} (never on the command line) and its output captured to a file (never a pipe that
 * could fill up). {@link #cancel} ends a running program (muster is stopping).
 */
final class ToolRun {
    /**
     * What a program did.
     *
     * @param exitCode its exit status; -1 when it timed out or was cancelled
     * @param output   its stdout and stderr, at most the last 2000 characters
     */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The output's last line, for one-line failure messages. */
        String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private final AtomicReference<Process> running = new AtomicReference<>();
    private final Children children;

    /** @param children the registry that keeps the reaper away from these children's exit statuses */
    ToolRun(Children children) {
        this.children = children;
    }

    /** The connection arguments of libpq programs for {@code database}, without the database name. */
    static List<String> connection(DatabaseSpec database) {
        return List.of("-h", database.host(), "-p", String.valueOf(database.port()), "-U", database.user(), "-w");
    }

    /** @param database the server it connects to (password, sslmode); null for a program that reads only files */
    Result run(List<String> argv, DatabaseSpec database, Duration timeout) throws IOException {
        Path output = Files.createTempFile("muster-pg-tool", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(argv)).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Map<String, String> env = builder.environment();
            env.remove("PGPASSWORD");
            if (database != null && database.password() != null) {
                env.put("PGPASSWORD", database.password());
            }
            if (database != null) {
                env.put("PGSSLMODE", database.isSocket() ? "disable" : database.sslmode());
            }
            env.put("PGAPPNAME", "muster-backup");
            env.put("PGCONNECT_TIMEOUT", "10");
            Process process = children.start(builder);
            running.set(process);
            boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                process.destroyForcibly().waitFor();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            String tail = text.length() > 2000 ? text.substring(text.length() - 2000) : text;
            return new Result(done ? process.exitValue() : -1, done ? tail
                    : tail + "\n" + argv.get(0) + " did not finish within " + dev.muster.status.Durations.format(timeout) + " and was killed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Process process = running.get();
            if (process != null) {
                process.destroyForcibly();
            }
            return new Result(-1, argv.get(0) + " was interrupted");
        } finally {
            running.set(null);
            Files.deleteIfExists(output);
        }
    }

    /** Ends the running program, if any; its result is then a failure. */
    void cancel() {
        Process process = running.get();
        if (process != null) {
            process.destroy();
        }
    }
}
