package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds {@code hosts:}, a mapping of service names to the host where each runs when it is an
 * external dependency of {@code muster up --only}: {@code hosts: {postgres: db.internal}}.
 * Keys must name a service of the profile; values must be host names or IP addresses.
 */
final class HostsBinder {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_.:\\[\\]-]+");

    private HostsBinder() {
    }

    static Map<String, String> bind(Section root, Set<String> services) {
        Map<String, String> hosts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.entries("hosts")) {
            String path = root.pathOf("hosts") + "." + entry.getKey();
            ProblemCollector problems = root.scalars().problems();
            if (!services.contains(entry.getKey())) {
                problems.add(path, "\"" + entry.getKey() + "\" is not a service of this profile; name one of: "
                        + String.join(", ", services));
                continue;
            }
            root.scalars().text(entry.getValue(), path).map(String::strip).ifPresent(host -> {
                if (HOST.matcher(host).matches()) {
                    hosts.put(entry.getKey(), host);
                } else {
                    problems.add(path, "\"" + host + "\" is not a host name or IP address; write e.g. db.internal");
                }
            });
        }
        return hosts;
    }
}
