package dev.muster.supervisor;

import dev.muster.logs.Console;
import dev.muster.preflight.Plan;
import dev.muster.preflight.ResolvedService;
import dev.muster.profile.Profile;
import dev.muster.profile.ProfileLoader;
import dev.muster.profile.ServiceSpec;
import dev.muster.secret.SecretStore;
import dev.muster.status.FailureReport;
import dev.muster.status.ServiceStatus;
import dev.muster.testing.FakeTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/** A whole {@link Supervisor} on fake time and scripted workloads, running on its own thread. */
final class FakeStack implements AutoCloseable {
    final FakeTime time = new FakeTime();
    final ScriptedRuntime runtime = new ScriptedRuntime(time);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), false, 8);
    final Supervisor supervisor;
    private CompletableFuture<Integer> exit;

    /** @param services the YAML under {@code services:}, indented by two spaces */
    FakeStack(Path dir, String services) throws IOException {
        this(dir, services, UnaryOperator.identity());
    }

    /** @param change applied to every spec, for settings the loader of this branch does not read yet */
    FakeStack(Path dir, String services, UnaryOperator<ServiceSpec> change) throws IOException {
        Path file = Files.writeString(dir.resolve("stack.yaml"), "version: 1\nname: fake\nservices:\n" + services);
        Profile profile = new ProfileLoader(Map.of(), SecretStore.readOnly()).load(List.of(file)).profile();
        Map<String, ResolvedService> resolved = new LinkedHashMap<>();
        profile.services().forEach((name, spec) -> resolved.put(name, new ResolvedService(change.apply(spec),
                spec.argv(), Map.of(), dir, null, List.of(), List.of())));
        SupervisorParts parts = new SupervisorParts(null, null, console, new FailureReport(), time.clock(),
                UnaryOperator.identity(), Map.of(), null, dev.muster.container.Containers.none());
        supervisor = new Supervisor(profile, new Plan(resolved, Path.of("/usr/bin/setsid"), null), parts, runtime, time);
    }

    FakeStack start() {
        exit = CompletableFuture.supplyAsync(supervisor::run);
        return this;
    }

    CompletableFuture<Integer> exit() {
        return exit;
    }

    ServiceStatus status(String name) {
        return supervisor.status().get(name);
    }

    List<String> stdout() {
        console.flush();
        return Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
    }

    List<String> stderr() {
        console.flush();
        return Arrays.asList(err.toString(StandardCharsets.UTF_8).split("\n"));
    }

    @Override
    public void close() {
        if (exit != null && !exit.isDone()) {
            supervisor.signal(dev.muster.process.Signal.TERM);
            exit.join();
        }
        console.close();
    }
}
