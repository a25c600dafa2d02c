package dev.muster.docker;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what docker-java throws into one-line operator messages: the engine's own message
 * without its JSON wrapping, and for the common failures (missing image, port clash) the fix.
 */
final class EngineErrors {
    private static final Pattern JSON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PORT = Pattern.compile("(?:Bind for |listen tcp4? )[^ ]*?:(\\d+)");

    private EngineErrors() {
    }

    /** The engine's message, or the cause's, on one line. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (!(root instanceof DockerException) && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        Matcher json = JSON_MESSAGE.matcher(text);
        if (json.find()) {
            text = json.group(1).replace("\\\"", "\"");
        } else if (root instanceof DockerException docker) {
            text = text.replaceFirst("^Status \\d+: ", "");
        }
        return text.replace('\n', ' ').trim();
    }

    /** A launch failure of {@code service} as a MusterException (exit 1) with the fix. */
    static MusterException launchFailed(String service, String image, DockerEngine engine, RuntimeException e) {
        if (DockerEngine.isUnreachable(e)) {
            return new MusterException(ExitCodes.SERVICE_FAILED, engine.unreachable(e), e);
        }
        String reason = reason(e);
        if (e instanceof NotFoundException && reason.contains("image")) {
            return new MusterException(ExitCodes.SERVICE_FAILED, missingImage(image), e);
        }
        Matcher port = PORT.matcher(reason);
        if ((reason.contains("port is already allocated") || reason.contains("address already in use")) && port.find()) {
            return new MusterException(ExitCodes.SERVICE_FAILED, "host port " + port.group(1) + " is already in use ("
                    + reason + "); stop what listens there (ss -ltnp 'sport = :" + port.group(1)
                    + "', docker ps) or change services." + service + ".ports", e);
        }
        return new MusterException(ExitCodes.SERVICE_FAILED, "the Docker engine refused to run " + image + ": " + reason
                + "; fix the service's image, ports or volumes", e);
    }

    /** "image redis:7 is not present locally; ..." */
    static String missingImage(String image) {
        return "image " + image + " is not present locally (muster does not pull images); pull it (docker pull "
                + image + ") or build it (docker build -t " + image + " .)";
    }
}
