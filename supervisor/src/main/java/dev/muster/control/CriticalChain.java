package dev.muster.control;

import dev.muster.status.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chain of services that decided the time to all-ready, like {@code systemd-analyze
 * critical-chain}: it starts at the required service that became ready last and follows, link by
 * link, the dependency that became ready last (the one it really waited for). Offsets count from
 * the start of the boot.
 *
 * @param total time from the boot's start to the last link's ready
 * @param links the last service first, then what it waited for, down to a service that waited for nothing
 */
public record CriticalChain(Duration total, List<Link> links) {
    public CriticalChain {
        links = List.copyOf(links);
    }

    /**
     * One service on the chain.
     *
     * @param name  the service
     * @param start when it was launched, since the boot's start
     * @param ready when it became ready (or completed), since the boot's start
     */
    public record Link(String name, Duration start, Duration ready) {
        public Duration took() {
            return ready.minus(start);
        }
    }

    /** The chain of a boot, empty when no service has become ready yet. */
    public static Optional<CriticalChain> of(StatusDocument document) {
        Map<String, ServiceReport> byName = document.services().stream()
                .collect(Collectors.toMap(ServiceReport::name, Function.identity()));
        List<ServiceReport> readied = document.services().stream()
                .filter(s -> s.firstReadyAt() != null && s.firstStartedAt() != null).toList();
        Optional<ServiceReport> last = readied.stream().filter(ServiceReport::required)
                .max(Comparator.comparing(s -> Instant.parse(s.firstReadyAt())))
                .or(() -> readied.stream().max(Comparator.comparing(s -> Instant.parse(s.firstReadyAt()))));
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Instant boot = document.phase("boot").orElseGet(() -> readied.stream().map(s -> Instant.parse(s.firstStartedAt()))
                .min(Comparator.naturalOrder()).orElseThrow());
        List<Link> links = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        ServiceReport current = last.get();
        while (current != null && seen.add(current.name())) {
            links.add(new Link(current.name(), Duration.between(boot, Instant.parse(current.firstStartedAt())),
                    Duration.between(boot, Instant.parse(current.firstReadyAt()))));
            current = current.dependsOn().stream().map(byName::get).filter(Objects::nonNull)
                    .filter(s -> s.firstReadyAt() != null && s.firstStartedAt() != null)
                    .max(Comparator.comparing(s -> Instant.parse(s.firstReadyAt()))).orElse(null);
        }
        return Optional.of(new CriticalChain(links.get(0).ready(), links));
    }

    /** The chain as text: a header line, then one line per link, indented by depth like a tree. */
    public List<String> render() {
        List<String> lines = new ArrayList<>();
        lines.add("critical chain: ready " + Durations.format(total) + " after the boot began"
                + " (start and ready count from the boot's start; took = start to ready)");
        int width = 0;
        for (int i = 0; i < links.size(); i++) {
            width = Math.max(width, prefix(i).length() + links.get(i).name().length());
        }
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            lines.add(String.format("%-" + (width + 2) + "sstart +%-8s ready +%-8s took %s", prefix(i) + link.name(),
                    Durations.format(link.start()), Durations.format(link.ready()), Durations.format(link.took())));
        }
        return lines;
    }

    private static String prefix(int depth) {
        return depth == 0 ? "" : "  ".repeat(depth - 1) + "└─";
    }
}
