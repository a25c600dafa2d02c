package dev.muster.profile;

import java.util.List;

/**
 * Checks made before anything is changed. Every service's own executable is always checked as
 * well; these lists add to that.
 *
 * @param commands   executables that must resolve on PATH
 * @param env        variables that must be set and non-empty
 * @param ports      TCP ports that must be free
 * @param production non-empty means production: database URLs naming localhost are refused
 */
public record PreflightSpec(List<String> commands, List<String> env, List<Integer> ports, String production) {
    public PreflightSpec {
        commands = List.copyOf(commands);
        env = List.copyOf(env);
        ports = List.copyOf(ports);
        production = production == null ? "" : production;
    }

    public static PreflightSpec none() {
        return new PreflightSpec(List.of(), List.of(), List.of(), "");
    }

    public boolean isProduction() {
        return !production.isBlank();
    }
}
