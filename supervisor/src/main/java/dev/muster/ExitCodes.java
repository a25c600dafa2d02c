package dev.muster;

/** Exit statuses of {@code muster up} and {@code muster check}, as DESIGN.md fixes them. */
public final class ExitCodes {
    /** Clean stop. */
    public static final int OK = 0;
    /** A required service failed, at boot or later. */
    public static final int SERVICE_FAILED = 1;
    /** The profile is invalid. */
    public static final int INVALID_PROFILE = 2;
    /** A preflight check failed. */
    public static final int PREFLIGHT_FAILED = 3;
    /** Added to the signal number when muster stopped because of a signal. */
    public static final int SIGNAL_BASE = 128;

    private ExitCodes() {
    }
}
