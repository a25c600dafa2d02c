package dev.muster;

/**
 * The one failure type of muster. It carries the exit code the CLI returns and a message
 * written for an operator: what failed, the key facts, and what to do next.
 */
public class MusterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public MusterException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public MusterException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit status this failure maps to; see {@link ExitCodes}. */
    public int exitCode() {
        return exitCode;
    }
}
