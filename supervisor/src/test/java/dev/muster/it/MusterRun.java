package dev.muster.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The real muster jar ({@code -Dmuster.jar}) run as a subprocess: its stdout and stderr are
 * drained on their own threads into timestamped lines, kept per stream and interleaved in
 * arrival order. Signals are sent with kill(1), never {@link Process#destroy()}, so whatever
 * muster prints while shutting down is still captured. {@link #close()} kills what is left.
 */
final class MusterRun implements AutoCloseable {
    /** The captured streams. */
    enum Stream { STDOUT, STDERR }

    /** One line as it arrived from muster. */
    record Line(Instant at, Stream stream, String text) {
    }

    private final Process process;
    private final List<Line> lines = new ArrayList<>();
    private final Thread stdoutPump;
    private final Thread stderrPump;
    private final Instant launchedAt;
    private final boolean wrapped;

    private MusterRun(Process process, boolean wrapped) {
        this.process = process;
        this.wrapped = wrapped;
        this.launchedAt = Instant.now();
        this.stdoutPump = pump(process.getInputStream(), Stream.STDOUT);
        this.stderrPump = pump(process.getErrorStream(), Stream.STDERR);
    }

    /**
     * Starts {@code java -jar muster.jar ARGS} in {@code workDir} with the test JVM's environment
     * plus {@code NO_COLOR=1} and {@code env}.
     */
    static MusterRun start(Path workDir, Map<String, String> env, String... args) {
        return startWrapped(List.of(), workDir, env, args);
    }

    /**
     * Like {@link #start} but through {@code wrapper}, a command that runs its arguments as its
     * only child and waits for it (e.g. {@code unshare --pid --fork}). Signals still go to muster.
     */
    static MusterRun startWrapped(List<String> wrapper, Path workDir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(Fixtures.javaBinary(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().putAll(env);
        try {
            return new MusterRun(builder.start(), !wrapper.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start muster: " + command, e);
        }
    }

    /**
     * Like {@link #startWrapped} for a wrapper that execs in place (e.g. {@code setpriv --reuid=U --}), so
     * the pid started is muster's own.
     */
    static MusterRun startExecWrapped(List<String> wrapper, Path workDir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(Fixtures.javaBinary(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().putAll(env);
        try {
            return new MusterRun(builder.start(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start muster: " + command, e);
        }
    }

    /** {@code muster up -p PROFILE} in the profile's directory. */
    static MusterRun up(Path profile, Map<String, String> env) {
        return start(profile.getParent(), env, "up", "-p", profile.toString());
    }

    /** {@code WRAPPER... muster up -p PROFILE} in the profile's directory; see {@link #startWrapped}. */
    static MusterRun upWrapped(List<String> wrapper, Path profile, Map<String, String> env) {
        return startWrapped(wrapper, profile.getParent(), env, "up", "-p", profile.toString());
    }

    /**
     * {@code ./entrypoint up -p PROFILE}: the image's shim (which execs java, so the pid is muster's),
     * with {@code MUSTER_JAR} set to the jar under test.
     */
    static MusterRun upThroughEntrypoint(Path profile, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(Fixtures.root().resolve("entrypoint").toString(),
                "up", "-p", profile.toString()).directory(profile.getParent().toFile());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("MUSTER_JAR", jar().toString());
        builder.environment().putAll(env);
        try {
            return new MusterRun(builder.start(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the entrypoint: " + builder.command(), e);
        }
    }

    static Path jar() {
        String jar = System.getProperty("muster.jar");
        if (jar == null) {
            throw new IllegalStateException("system property muster.jar is not set; run the ITs through mvn verify");
        }
        return Path.of(jar);
    }

    /** The pid of what was started: muster, or the wrapper it runs under. */
    long pid() {
        return process.pid();
    }

    /**
     * The pid of muster's JVM: {@link #pid()}, or under a wrapper the wrapper's child (the wrapper
     * forks or execs muster), -1 while that child does not exist.
     */
    long musterPid() {
        if (!wrapped) {
            return process.pid();
        }
        return process.children().findFirst().map(ProcessHandle::pid).orElse(-1L);
    }

    Instant launchedAt() {
        return launchedAt;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the first line (either stream) that contains a match of {@code regex}. */
    Line awaitLine(String regex, Duration timeout) {
        return awaitLine(null, regex, timeout);
    }

    /** Waits for the first stderr line that contains a match of {@code regex}. */
    Line awaitStderr(String regex, Duration timeout) {
        return awaitLine(Stream.STDERR, regex, timeout);
    }

    private Line awaitLine(Stream stream, String regex, Duration timeout) {
        return awaitLines(stream, regex, 1, timeout).get(0);
    }

    /** Waits until {@code count} lines (either stream) contain a match of {@code regex}; returns the first {@code count}. */
    List<Line> awaitLines(String regex, int count, Duration timeout) {
        return awaitLines(null, regex, count, timeout);
    }

    private List<Line> awaitLines(Stream stream, String regex, int count, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                List<Line> found = lines.stream()
                        .filter(l -> stream == null || l.stream() == stream)
                        .filter(l -> pattern.matcher(l.text()).find()).limit(count).toList();
                if (found.size() == count) {
                    return found;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || (!process.isAlive() && !stdoutPump.isAlive() && !stderrPump.isAlive())) {
                    throw new AssertionError((count == 1 ? "no line" : "fewer than " + count + " lines")
                            + " matching /" + regex + "/ within " + timeout
                            + (process.isAlive() ? "" : " (muster exited with " + process.exitValue() + ")")
                            + "\n" + transcript());
                }
                try {
                    lines.wait(Math.min(left, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for /" + regex + "/", e);
                }
            }
        }
    }

    /** Sends a signal by name (TERM, INT, KILL) to muster (not to a wrapper) with kill(1). */
    void signal(String name) {
        long target = musterPid();
        if (target < 0) {
            throw new AssertionError("muster's JVM is not running (any more)\n" + transcript());
        }
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, String.valueOf(target))
                    .redirectErrorStream(true).start();
            String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -s " + name + " " + target + " failed: " + said);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for muster to exit and for its output to be read to the end; returns its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("muster did not exit within " + timeout + "\n" + transcript());
            }
            stdoutPump.join(TimeUnit.SECONDS.toMillis(5));
            stderrPump.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    /** Every line so far, in arrival order. */
    List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    List<String> stdout() {
        return texts(Stream.STDOUT);
    }

    List<String> stderr() {
        return texts(Stream.STDERR);
    }

    /** Position of the first line (in arrival order) matching {@code regex}, or -1. */
    int indexOf(String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<Line> all = lines();
        for (int i = 0; i < all.size(); i++) {
            if (pattern.matcher(all.get(i).text()).find()) {
                return i;
            }
        }
        return -1;
    }

    /** Everything captured, for assertion messages. */
    String transcript() {
        List<Line> all = lines();
        String exit = process.isAlive() ? "still running" : "exit " + process.exitValue();
        return "---- muster (pid " + process.pid() + ", " + exit + ") output, [E] = stderr, +ms since launch ----\n"
                + all.stream().map(l -> String.format("%6d %s %s",
                        Duration.between(launchedAt, l.at()).toMillis(),
                        l.stream() == Stream.STDERR ? "[E]" : "   ", l.text()))
                        .collect(Collectors.joining("\n"))
                + "\n---- end of muster output ----";
    }

    /** A lazily built transcript, for AssertJ's {@code as(Supplier)}. */
    Supplier<String> output() {
        return this::transcript;
    }

    /** {@link #output()} after a sentence saying what was checked. */
    Supplier<String> output(String what) {
        return () -> what + "\n" + transcript();
    }

    /**
     * Kills what is left: SIGTERM to muster and a bounded wait for its clean stop, then SIGKILL to
     * muster and to every descendant it still had (services lead their own process groups).
     */
    @Override
    public void close() {
        if (process.isAlive()) {
            List<ProcessHandle> descendants = process.descendants().toList();
            if (musterPid() > 0) {
                signal("TERM");
            }
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private Thread pump(InputStream input, Stream stream) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
                String text;
                while ((text = reader.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(new Line(Instant.now(), stream, text));
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // The pipe closed under us: what was read is kept.
            } finally {
                synchronized (lines) {
                    lines.notifyAll();
                }
            }
        }, "muster-" + stream.name().toLowerCase(java.util.Locale.ROOT));
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private List<String> texts(Stream stream) {
        return lines().stream().filter(l -> l.stream() == stream).map(Line::text).toList();
    }

    /** The environment muster is given on top of the test JVM's own. */
    static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }
}
