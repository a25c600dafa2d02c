package dev.muster.process;

import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.StringArray;
import com.sun.jna.ptr.IntByReference;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts a child with posix_spawn(3) rather than {@link ProcessBuilder}, so that no thread of
 * muster's waits for it: Java parks one "process reaper" thread per living child, whereas the
 * {@link ChildReaper}'s one thread learns of every exit and reaps it ({@link Children#watch}).
 * The child is what ProcessBuilder with {@code redirectErrorStream} would start: stdin /dev/null,
 * stdout and stderr one pipe, no other descriptor of muster's, the given directory and exactly
 * the given environment, muster's signal mask. Strings are encoded as Java encodes a child's
 * arguments ({@code sun.jnu.encoding}).
 */
final class Spawner {
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    /** Larger than glibc's posix_spawn_file_actions_t (80 bytes on 64-bit Linux). */
    private static final int ACTIONS_SIZE = 256;

    private final Charset encoding = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));

    /**
     * Whether this C library can spawn this way (glibc 2.34 and later) and /proc shows this process's
     * descriptors (the pipe is opened through it); never throws.
     */
    static boolean available() {
        if (!java.nio.file.Files.isDirectory(Path.of("/proc/self/fd"))) {
            return false;
        }
        try {
            NativeLibrary c = NativeLibrary.getInstance("c");
            c.getFunction("posix_spawn_file_actions_addchdir_np");
            c.getFunction("posix_spawn_file_actions_addclosefrom_np");
            return true;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    /**
     * Starts {@code argv} (its first element an absolute path); the exit of the child is {@code exits}'s
     * to report. Call under the {@link Children} lock, so the reaper cannot see the child unregistered.
     */
    SpawnedProcess spawn(List<String> argv, Map<String, String> env, Path cwd, Children exits) throws IOException {
        int[] pipe = new int[2];
        check(LibC.INSTANCE.pipe2(pipe, O_CLOEXEC) == 0 ? 0 : com.sun.jna.Native.getLastError());
        Memory actions = new Memory(ACTIONS_SIZE);
        LibC libc = LibC.INSTANCE;
        check(libc.posix_spawn_file_actions_init(actions));
        try {
            check(libc.posix_spawn_file_actions_addopen(actions, 0, bytes("/dev/null"), O_RDONLY, 0));
            check(libc.posix_spawn_file_actions_adddup2(actions, pipe[1], 1));
            check(libc.posix_spawn_file_actions_adddup2(actions, pipe[1], 2));
            check(libc.posix_spawn_file_actions_addchdir_np(actions, bytes(cwd.toString())));
            check(libc.posix_spawn_file_actions_addclosefrom_np(actions, 3));
            IntByReference pid = new IntByReference();
            int rc = libc.posix_spawn(pid, bytes(argv.get(0)), actions, null,
                    new StringArray(argv.toArray(String[]::new), encoding.name()), environment(env));
            libc.close(pipe[1]);
            if (rc != 0) {
                libc.close(pipe[0]);
                check(rc);
            }
            FileInputStream output = new FileInputStream("/proc/self/fd/" + pipe[0]);
            libc.close(pipe[0]);
            return new SpawnedProcess(pid.getValue(), output, exits.watch(pid.getValue()));
        } catch (IOException | RuntimeException e) {
            libc.close(pipe[0]);
            libc.close(pipe[1]);
            throw e;
        } finally {
            libc.posix_spawn_file_actions_destroy(actions);
        }
    }

    private StringArray environment(Map<String, String> env) {
        return new StringArray(env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new),
                encoding.name());
    }

    private byte[] bytes(String text) {
        byte[] encoded = text.getBytes(encoding);
        byte[] terminated = new byte[encoded.length + 1];
        System.arraycopy(encoded, 0, terminated, 0, encoded.length);
        return terminated;
    }

    /** An errno as ProcessBuilder words it: "error=2, No such file or directory". */
    private static void check(int errno) throws IOException {
        if (errno != 0) {
            throw new IOException("error=" + errno + ", " + LibC.INSTANCE.strerror(errno));
        }
    }
}
