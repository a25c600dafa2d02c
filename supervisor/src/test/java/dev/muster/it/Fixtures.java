package dev.muster.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The child programs the ITs supervise, all from the test tree: POSIX shell scripts under
 * {@code src/test/resources/fixtures} (run as {@code /bin/sh script}) and Java mains in
 * {@code dev.muster.fixtures} (run with this JVM's {@code java} and the test classes directory).
 * Commands come back as YAML flow lists, ready to paste into a profile.
 */
final class Fixtures {
    private Fixtures() {
    }

    /** {@code ["/bin/sh", "/abs/fixtures/NAME", ARGS...]} as a YAML flow list. */
    static String sh(String script, Object... args) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", resource("fixtures/" + script).toString()));
        for (Object arg : args) {
            argv.add(String.valueOf(arg));
        }
        return yamlList(argv);
    }

    /** {@code ["java", "-cp", TEST_CLASSES, MAIN, ARGS...]} as a YAML flow list. */
    static String java(Class<?> main, Object... args) {
        List<String> argv = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", testClasses().toString(), main.getName()));
        for (Object arg : args) {
            argv.add(String.valueOf(arg));
        }
        return yamlList(argv);
    }

    /** Any argument list as a YAML flow list of double-quoted (JSON) strings. */
    static String yamlList(List<String> argv) {
        return argv.stream().map(Fixtures::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A YAML double-quoted scalar. */
    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A TCP port nothing listens on right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} different TCP ports nothing listens on right now. */
    static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // nothing was listening through it
                }
            }
        }
    }

    /** Writes {@code yaml} to {@code dir/profile.yaml}. */
    static Path profile(Path dir, String yaml) {
        Path file = dir.resolve("profile.yaml");
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The pid written (as text) in {@code file}. */
    static long pidIn(Path file) {
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pid in a {@code NAME | started, pid N: ...} line muster printed. */
    static long pidIn(MusterRun.Line started) {
        Matcher pid = Pattern.compile("started, pid (\\d+)").matcher(started.text());
        if (!pid.find()) {
            throw new IllegalArgumentException("not a started line: " + started.text());
        }
        return Long.parseLong(pid.group(1));
    }

    /** The children of {@code parent} that are zombies (exited, never reaped), as {@code pid (command)}. */
    static List<String> zombieChildrenOf(long parent) {
        List<String> zombies = new ArrayList<>();
        try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String stat;
                try {
                    stat = Files.readString(proc.resolve("stat"));
                } catch (IOException e) {
                    continue; // exited meanwhile
                }
                int close = stat.lastIndexOf(')');
                String[] fields = stat.substring(close + 2).split(" ");
                if (fields[0].equals("Z") && Long.parseLong(fields[1]) == parent) {
                    zombies.add(proc.getFileName() + " " + stat.substring(stat.indexOf('('), close + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zombies;
    }

    /** Whether the process exists and is not a zombie (a zombie is dead, only not yet reaped). */
    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start of a line muster prints for {@code source}: {@code NAME | } with the name column padded. */
    static String line(String source) {
        return "^" + Pattern.quote(source) + " *\\| ";
    }

    /** Parses a duration as muster prints it ({@code 840ms}, {@code 1.50s}). */
    static Duration parseDuration(String text) {
        Matcher ms = Pattern.compile("^(\\d+)ms$").matcher(text);
        if (ms.matches()) {
            return Duration.ofMillis(Long.parseLong(ms.group(1)));
        }
        Matcher s = Pattern.compile("^(\\d+)[.,](\\d+)s$").matcher(text);
        if (s.matches()) {
            return Duration.ofMillis(Long.parseLong(s.group(1)) * 1000 + Long.parseLong(s.group(2)) * 10);
        }
        throw new IllegalArgumentException("not a duration as muster prints it: " + text);
    }

    /** The repository root ({@code -Dmuster.root}). */
    static Path root() {
        return Path.of(System.getProperty("muster.root", System.getProperty("user.dir")));
    }

    private static Path testClasses() {
        try {
            return Path.of(Fixtures.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path resource(String name) {
        URL url = Fixtures.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
