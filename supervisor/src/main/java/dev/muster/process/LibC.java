package dev.muster.process;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;

/** The few libc calls muster needs, through JNA. Only this package calls it. */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int kill(int pid, int signal);

    int getuid();

    int getpid();

    int prctl(int option, long arg2, long arg3, long arg4, long arg5);

    int waitid(int idtype, int id, com.sun.jna.Pointer infop, int options);

    int waitpid(int pid, int[] status, int options);

    int getgid();

    int pipe2(int[] fds, int flags);

    int close(int fd);

    String strerror(int errno);

    /** posix_spawn(3); {@code path} and the strings are NUL-terminated bytes. Returns 0 or an errno. */
    int posix_spawn(com.sun.jna.ptr.IntByReference pid, byte[] path, com.sun.jna.Pointer fileActions,
                    com.sun.jna.Pointer attributes, com.sun.jna.StringArray argv, com.sun.jna.StringArray envp);

    int posix_spawn_file_actions_init(com.sun.jna.Pointer actions);

    int posix_spawn_file_actions_destroy(com.sun.jna.Pointer actions);

    int posix_spawn_file_actions_adddup2(com.sun.jna.Pointer actions, int fd, int newFd);

    int posix_spawn_file_actions_addopen(com.sun.jna.Pointer actions, int fd, byte[] path, int flags, int mode);

    /** glibc 2.29 and later. */
    int posix_spawn_file_actions_addchdir_np(com.sun.jna.Pointer actions, byte[] path);

    /** glibc 2.34 and later. */
    int posix_spawn_file_actions_addclosefrom_np(com.sun.jna.Pointer actions, int from);

    Passwd getpwnam(String name);

    Passwd getpwuid(int uid);

    /** {@code struct passwd} from pwd.h. */
    @Structure.FieldOrder({"pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"})
    class Passwd extends Structure {
        public String pw_name;
        public String pw_passwd;
        public int pw_uid;
        public int pw_gid;
        public String pw_gecos;
        public String pw_dir;
        public String pw_shell;
    }
}
