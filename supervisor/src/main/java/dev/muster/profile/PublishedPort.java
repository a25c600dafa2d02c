package dev.muster.profile;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of a container service's {@code ports:}, in Docker's syntax:
 * {@code "6379"}, {@code "16379:6379"}, {@code "127.0.0.1:16379:6379"}, {@code "53/udp"}.
 *
 * @param hostIp        the host address to bind; empty for every address
 * @param hostPort      the host port; 0 lets the engine pick one (also when only the container port is given)
 * @param containerPort the port inside the container
 * @param protocol      {@code tcp} (default) or {@code udp}
 */
public record PublishedPort(String hostIp, int hostPort, int containerPort, String protocol) {
    private static final Pattern SYNTAX = Pattern.compile(
            "(?:(?:(\\[[0-9a-fA-F:]+\\]|[0-9.]+):)?(\\d{1,5})?:)?(\\d{1,5})(?:/(tcp|udp))?");

    /** Parses one entry; empty when it is not in Docker's syntax or a port is out of range. */
    public static Optional<PublishedPort> parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String ip = m.group(1) == null ? "" : m.group(1).replace("[", "").replace("]", "");
        int host = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int container = Integer.parseInt(m.group(3));
        if (host > 65535 || container < 1 || container > 65535) {
            return Optional.empty();
        }
        return Optional.of(new PublishedPort(ip, host, container, m.group(4) == null ? "tcp" : m.group(4)));
    }

    /** "127.0.0.1:16379->6379/tcp", for messages. */
    public String describe() {
        String host = (hostIp.isEmpty() ? "" : hostIp + ":") + (hostPort == 0 ? "(any)" : hostPort);
        return host + "->" + containerPort + "/" + protocol;
    }
}
