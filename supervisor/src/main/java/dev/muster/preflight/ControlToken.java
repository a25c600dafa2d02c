package dev.muster.preflight;

import dev.muster.profile.ControlSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer token of the control plane, read from the variable named by {@code control.token_env}
 * (muster's environment first, then the profile's {@code env}) or from {@code control.token_file}
 * (surrounding whitespace ignored). A control plane bound to a non-loopback address must have one.
 */
public final class ControlToken {
    private ControlToken() {
    }

    /** The token, if one is configured and non-empty. */
    public static Optional<String> read(ControlSpec spec, Map<String, String> environment, Map<String, String> profileEnv) {
        if (!spec.tokenEnv().isEmpty()) {
            String value = environment.getOrDefault(spec.tokenEnv(), profileEnv.getOrDefault(spec.tokenEnv(), ""));
            if (!value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        if (spec.tokenFile() != null && Files.isReadable(spec.tokenFile())) {
            try {
                String value = Files.readString(spec.tokenFile()).strip();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Adds a problem when the control plane listens beyond loopback without a usable token. */
    static void check(ControlSpec spec, Map<String, String> environment, Map<String, String> profileEnv,
                      List<String> problems) {
        if (spec.loopback() || read(spec, environment, profileEnv).isPresent()) {
            return;
        }
        String base = "control.listen: " + spec.listen() + " is not a loopback address, so the control plane needs a"
                + " bearer token, but ";
        problems.add(base + missing(spec) + ", or listen on 127.0.0.1");
    }

    /** Why no token was found and how to provide one, in the profile's own terms. */
    private static String missing(ControlSpec spec) {
        if (!spec.tokenEnv().isEmpty()) {
            return "$" + spec.tokenEnv() + " (control.token_env) is unset or empty; set " + spec.tokenEnv()
                    + " to a long random value in muster's environment"
                    + (spec.tokenFile() == null ? "" : " or write it into " + spec.tokenFile() + " (control.token_file)");
        }
        if (spec.tokenFile() != null) {
            return spec.tokenFile() + " (control.token_file) is missing, unreadable or empty; write a long random"
                    + " value into it";
        }
        return "no token_env or token_file is set; set control: { token_env: MUSTER_TOKEN } (or token_file:)"
                + " and provide the token";
    }
}
