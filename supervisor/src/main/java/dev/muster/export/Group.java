package dev.muster.export;

import dev.muster.profile.ServiceSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one exported container (a Compose service, a Kubernetes workload) runs: {@code muster up
 * --only MEMBERS}. A long-running service takes along the tasks that only it needs (its initdb,
 * its schema step, its migrations), which muster then runs in order inside the container; a
 * task several services need, or none, is a group of its own.
 *
 * @param name             the container's name: the long-running service's, or the task's
 * @param main             the long-running service, or the task of a task group
 * @param members          every service muster runs here, in start order (tasks first)
 * @param externalServices long-running services outside this group that a member waits for
 * @param externalTasks    task groups that a member needs completed first
 */
public record Group(String name, ServiceSpec main, List<String> members, Set<String> externalServices,
                    Set<String> externalTasks) {
    public Group {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(main, "main");
        members = List.copyOf(members);
        externalServices = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(externalServices));
        externalTasks = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(externalTasks));
    }

    /** Whether it runs to completion (a task group) rather than keeps running. */
    public boolean isTask() {
        return main.isTask();
    }

    /** The tasks that run before {@link #main} in the same container. */
    public List<String> tasks() {
        return members.stream().filter(m -> !m.equals(main.name())).toList();
    }
}
