package dev.muster.secret;

import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which secret values are safe to mask wherever they appear. A value shorter than
 * {@value #MIN_MASKED} characters, or a common word, would mask ordinary text (a secret "muster"
 * turns {@code name: muster-aio} into {@code name: ******-aio}), so it is masked only where it stands
 * as an env value, and {@code check} warns about it instead. The one filter of what the
 * {@link Redactor} searches for.
 */
public final class SecretStrength {
    /** The shortest value masked inside other text. */
    public static final int MIN_MASKED = 8;
    private static final Set<String> COMMON = Set.of("password", "changeme", "postgres", "postgresql", "database",
            "localhost", "12345678", "123456789", "qwertyuiop", "administrator", "superuser", "development",
            "production", "password1", "letmein1", "secretkey", "redispass", "example1");

    private SecretStrength() {
    }

    /** Whether {@code value} is long and unusual enough to be masked wherever it appears. */
    public static boolean maskable(String value) {
        return value.length() >= MIN_MASKED && !COMMON.contains(value.toLowerCase(Locale.ROOT));
    }

    /** One warning per weak sensitive value of {@code profile} (by variable, never showing the value). */
    public static List<String> warnings(Profile profile) {
        Redactor names = Redactor.forProfile(profile);
        List<String> warnings = new ArrayList<>();
        weak(profile.env(), "env", names, warnings);
        for (ServiceSpec service : profile.services().values()) {
            weak(service.env(), "services." + service.name() + ".env", names, warnings);
        }
        return warnings;
    }

    private static void weak(Map<String, String> env, String path, Redactor names, List<String> warnings) {
        env.forEach((name, value) -> {
            if (names.isSensitiveName(name) && !value.isEmpty() && !maskable(value)) {
                warnings.add(path + "." + name + ": the value is " + (value.length() < MIN_MASKED
                        ? "shorter than " + MIN_MASKED + " characters" : "a common word")
                        + ", so muster masks it only as an env value, not inside logs or other text; use a long random"
                        + " value (openssl rand -hex 32)");
            }
        });
    }
}
