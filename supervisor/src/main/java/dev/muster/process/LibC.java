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
