package dev.muster.process;

/**
 * How a child ended, as Java reports it: a plain exit code, or 128+N for death by signal N.
 *
 * @param code the value of {@link Process#exitValue()}
 */
public record ExitStatus(int code) {

    public boolean success() {
        return code == 0;
    }

    /** The signal that killed the child, if the code is 128+N for a signal muster knows. */
    public java.util.Optional<Signal> signal() {
        return code > 128 ? Signal.ofNumber(code - 128) : java.util.Optional.empty();
    }

    /** "exited with code 3", "killed by SIGKILL (exit 137)", with a hint for 126 and 127. */
    public String describe() {
        if (code == 126) {
            return "exited with code 126 (the command was found but could not be executed: permission or format)";
        }
        if (code == 127) {
            return "exited with code 127 (command not found)";
        }
        return signal()
                .map(s -> "killed by " + s.fullName() + " (exit " + code + ")" + (s == Signal.KILL ? ", out of memory?" : ""))
                .orElse("exited with code " + code);
    }
}
