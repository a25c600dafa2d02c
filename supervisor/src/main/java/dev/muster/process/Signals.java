package dev.muster.process;

/** Sends signals with kill(2): to one process, or to a whole process group. */
public final class Signals {
    private static final int ESRCH = 3;

    /**
     * Signals every process in the group led by {@code pgid}.
     *
     * @return false when no such group exists any more
     */
    public boolean signalGroup(long pgid, Signal signal) {
        return send(-pgid, signal);
    }

    /** Signals one process; false when it does not exist any more. */
    public boolean signal(long pid, Signal signal) {
        return send(pid, signal);
    }

    private boolean send(long target, Signal signal) {
        if (target == 0 || target == -1 || Math.abs(target) == 1) {
            throw new IllegalArgumentException("refusing to signal " + target);
        }
        int rc = LibC.INSTANCE.kill((int) target, signal.number());
        if (rc == 0) {
            return true;
        }
        int errno = com.sun.jna.Native.getLastError();
        if (errno == ESRCH) {
            return false;
        }
        throw new IllegalStateException("kill(" + target + ", " + signal.fullName() + ") failed: errno " + errno);
    }
}
