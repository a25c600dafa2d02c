package dev.muster.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;

/**
 * One entry under {@code services:}.
 *
 * @param name      the key under {@code services:}
 * @param kind      service (default) or task
 * @param command   the argument list; with {@code shell} a single element run by {@code sh -c}
 * @param shell     whether {@code command} is a shell script line
 * @param env       variables for this service only, over the profile's {@code env}
 * @param cwd       working directory; null is muster's own
 * @param user      a user name or {@code uid[:gid]} to run as; null is muster's own user
 * @param dependsOn the services this one waits for, with the condition for each
 * @param ready     how readiness is decided
 * @param stop      how the service is stopped
 * @param log       where its output is written besides the console; null is console and memory only
 * @param required  false lets the stack go on (degraded) when this one fails (default true)
 * @param creates   for a task: skip it when this path exists; null always runs it
 * @param live      the liveness check after readiness; null for none
 * @param restart   when it is restarted (default never)
 * @param schema    for {@code kind: schema}: the guard's settings; null otherwise
 * @param migrations for {@code kind: migrations}: Flyway's settings; null otherwise
 * @param container  for a service with {@code image:}: runs it as a container; null runs a local process
 * @param restartWith dependencies declared with {@code restart: true}: when one of them is ready again
 *                    after a restart, this service is restarted too
 * @param timeout    for a task: its deadline from launch, after which it is stopped like a service and
 *                   reported failed; null is no deadline. Always null for other kinds
 * @param enabled    false when {@code enabled:} is off after interpolation: the entry stays in the profile
 *                   (shown as disabled) but is not part of the boot (default true)
 * @param setup      for {@code kind: database}: the role, database and extensions to ensure; null otherwise
 */
public record ServiceSpec(
        String name,
        Kind kind,
        List<String> command,
        boolean shell,
        Map<String, String> env,
        Path cwd,
        String user,
        Map<String, Condition> dependsOn,
        ReadySpec ready,
        StopSpec stop,
        LogSpec log,
        boolean required,
        Path creates,
        LiveSpec live,
        RestartSpec restart,
        SchemaSpec schema,
        MigrationsSpec migrations,
        ContainerSpec container,
        Set<String> restartWith,
        Duration timeout,
        boolean enabled,
        DatabaseSetupSpec setup) {

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        command = List.copyOf(command);
        env = Profile.ordered(env);
        dependsOn = Profile.ordered(dependsOn);
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(stop, "stop");
        restart = restart == null ? RestartSpec.never() : restart;
        restartWith = Collections.unmodifiableSet(new LinkedHashSet<>(restartWith));
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** An entry of any kind but {@code database}, without a deadline or with one. */
    public ServiceSpec(String name, Kind kind, List<String> command, boolean shell, Map<String, String> env, Path cwd,
                       String user, Map<String, Condition> dependsOn, ReadySpec ready, StopSpec stop, LogSpec log,
                       boolean required, Path creates, LiveSpec live, RestartSpec restart, SchemaSpec schema,
                       MigrationsSpec migrations, ContainerSpec container, Set<String> restartWith, Duration timeout,
                       boolean enabled) {
        this(name, kind, command, shell, env, cwd, user, dependsOn, ready, stop, log, required, creates, live, restart,
                schema, migrations, container, restartWith, timeout, enabled, null);
    }

    /** This entry waiting for other dependencies; {@code restartWith} keeps only those among them. */
    public ServiceSpec withDependencies(Map<String, Condition> dependencies) {
        Set<String> kept = new LinkedHashSet<>(restartWith);
        kept.retainAll(dependencies.keySet());
        return new ServiceSpec(name, kind, command, shell, env, cwd, user, dependencies, ready, stop, log, required,
                creates, live, restart, schema, migrations, container, kept, timeout, enabled, setup);
    }

    /** This entry with other database step settings (a server that moved to another host). */
    public ServiceSpec withSteps(SchemaSpec schema, MigrationsSpec migrations) {
        return new ServiceSpec(name, kind, command, shell, env, cwd, user, dependsOn, ready, stop, log, required,
                creates, live, restart, schema, migrations, container, restartWith, timeout, enabled, setup);
    }

    /** This {@code kind: database} entry ensuring its role and database on another server (one that moved host). */
    public ServiceSpec withSetup(DatabaseSetupSpec setup) {
        return new ServiceSpec(name, kind, command, shell, env, cwd, user, dependsOn, ready, stop, log, required,
                creates, live, restart, schema, migrations, container, restartWith, timeout, enabled, setup);
    }

    /** Whether it runs to completion (a task, schema or migrations step) rather than keeps running. */
    public boolean isTask() {
        return kind.runsToCompletion();
    }

    public boolean isContainer() {
        return container != null;
    }

    /** The argument list to execute: {@code [sh, -c, line]} for shell commands; empty for in-process kinds. */
    public List<String> argv() {
        if (command.isEmpty()) {
            return command;
        }
        return shell ? List.of("/bin/sh", "-c", String.join(" ", command)) : command;
    }
}
