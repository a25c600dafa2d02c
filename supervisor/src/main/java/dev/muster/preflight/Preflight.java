package dev.muster.preflight;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.container.Containers;
import dev.muster.platform.DataDirectoryCheck;
import dev.muster.profile.ContainerSpec;
import dev.muster.process.Executables;
import dev.muster.process.UserId;
import dev.muster.process.Users;
import dev.muster.profile.DirectorySpec;
import dev.muster.profile.ProbeSpec;
import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks, before anything is changed, that the stack can start: every program resolves, every
 * user exists, required variables are set, ports are free, production does not point at
 * localhost, every schema step's {@code apply:} file can be read. Reports every problem at once (exit 3) or returns the launch {@link Plan}.
 */
public final class Preflight {
    private final Map<String, String> environment;
    private final Users users;
    private final Executables executables;
    private final Path workDir;
    private final Containers containers;

    /**
     * @param environment muster's own environment
     * @param workDir     muster's working directory, the default cwd of services
     */
    public Preflight(Map<String, String> environment, Users users, Executables executables, Path workDir) {
        this(environment, users, executables, workDir, Containers.none());
    }

    /** @param containers checks the container services (engine, images, host ports) */
    public Preflight(Map<String, String> environment, Users users, Executables executables, Path workDir,
                     Containers containers) {
        this.environment = Map.copyOf(environment);
        this.users = users;
        this.executables = executables;
        this.workDir = workDir.toAbsolutePath();
        this.containers = containers;
    }

    public Plan check(Profile profile) {
        List<String> problems = new ArrayList<>();
        UserId self = users.current();
        Map<String, ResolvedService> services = new LinkedHashMap<>();
        boolean otherUser = false;
        for (ServiceSpec spec : profile.services().values()) {
            ResolvedService resolved = resolve(profile, spec, self, problems);
            services.put(spec.name(), resolved);
            otherUser |= resolved.user() != null && resolved.user().uid() != self.uid();
        }
        Path setsid = tool("setsid", problems);
        Path setpriv = otherUser ? tool("setpriv", problems) : null;
        new EnvironmentChecks(environment, profile).check(problems);
        new PreparationChecks(users, self).check(profile, problems);
        new PortChecks().check(profile.preflight().ports(), problems);
        Map<String, ContainerSpec> images = new LinkedHashMap<>();
        profile.services().values().stream().filter(ServiceSpec::isContainer).filter(ServiceSpec::enabled)
                .forEach(spec -> images.put(spec.name(), spec.container()));
        if (!images.isEmpty()) {
            problems.addAll(containers.check(profile.name(), images));
        }
        ControlToken.check(profile.control(), environment, profile.env(), problems);
        new ApplyFileChecks(workDir).check(profile, problems);
        problems.addAll(DataDirectoryCheck.onThisMachine().problems(profile)); // platform: NFS/FUSE, free space
        for (String command : profile.preflight().commands()) {
            if (executables.resolve(command, pathOf(profile.env()), workDir).isEmpty()) {
                problems.add("preflight.commands: \"" + command + "\" was not found on PATH ("
                        + pathOf(profile.env()) + "); install it in the image or remove it from the list");
            }
        }
        if (!problems.isEmpty()) {
            throw new MusterException(ExitCodes.PREFLIGHT_FAILED, "preflight of " + profile.source()
                    + " failed (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n  - "
                    + String.join("\n  - ", problems));
        }
        return new Plan(services, setsid, setpriv);
    }

    private ResolvedService resolve(Profile profile, ServiceSpec spec, UserId self, List<String> problems) {
        String key = "services." + spec.name();
        Map<String, String> env = new LinkedHashMap<>(profile.env());
        env.putAll(spec.env());
        Path cwd = spec.cwd() == null ? workDir : workDir.resolve(spec.cwd()).normalize();
        if (!spec.enabled() || !spec.kind().launches()) {
            return new ResolvedService(spec, spec.argv(), env, cwd, null, List.of(), List.of());
        }
        if (!Files.isDirectory(cwd) && !declared(profile, cwd)) {
            problems.add(key + ".cwd: " + cwd + " does not exist; create it or list it under directories:");
        }
        UserId user = spec.user() == null ? null : findUser(key, spec.user(), self, problems);
        List<String> argv = spec.kind().inProcess() || spec.isContainer()
                ? spec.argv() : resolveArgv(key + ".command", spec.argv(), env, cwd, problems);
        List<String> probeArgv = execArgv(key + ".ready.exec", spec.ready().probe(), env, cwd, problems);
        List<String> liveArgv = execArgv(key + ".live.exec", spec.live() == null ? null : spec.live().probe(), env, cwd,
                problems);
        return new ResolvedService(spec, argv, env, cwd, user, probeArgv, liveArgv);
    }

    /** An {@code exec} probe's argument list resolved on PATH; empty for other kinds and without a probe. */
    private List<String> execArgv(String key, ProbeSpec probe, Map<String, String> env, Path cwd, List<String> problems) {
        List<String> argv = probe == null ? List.of() : probe.execArgv();
        return argv.isEmpty() ? List.of() : resolveArgv(key, argv, env, cwd, problems);
    }

    private List<String> resolveArgv(String key, List<String> argv, Map<String, String> env, Path cwd,
                                     List<String> problems) {
        List<String> resolved = new ArrayList<>(argv);
        Optional<Path> file = executables.resolve(argv.get(0), pathOf(env), cwd);
        if (file.isPresent()) {
            resolved.set(0, file.get().toString());
        } else {
            problems.add(key + ": " + notFound(argv.get(0), pathOf(env), cwd));
        }
        return resolved;
    }

    private UserId findUser(String key, String spec, UserId self, List<String> problems) {
        Optional<UserId> user = users.find(spec);
        if (user.isEmpty()) {
            problems.add(key + ".user: user \"" + spec + "\" does not exist on this machine; create it (useradd) or fix user:");
            return null;
        }
        if (self.uid() != 0 && user.get().uid() != self.uid()) {
            problems.add(key + ".user: muster runs as " + self.describe() + " and cannot switch to "
                    + user.get().describe() + "; run muster as root (it drops privileges per service) or remove user:");
        }
        return user.get();
    }

    private static String notFound(String program, String path, Path cwd) {
        if (program.contains("/")) {
            return "\"" + program + "\" does not exist or is not executable (relative to " + cwd
                    + "); fix the path or chmod +x it";
        }
        return "\"" + program + "\" was not found on PATH (" + path + "); install it in the image, add its directory to PATH in env:, or fix the command";
    }

    /** Whether preparation will create {@code dir}: it is a declared directory or one of their parents. */
    private boolean declared(Profile profile, Path dir) {
        return profile.directories().stream().map(DirectorySpec::path)
                .anyMatch(p -> workDir.resolve(p).normalize().startsWith(dir));
    }

    private Path tool(String name, List<String> problems) {
        Optional<Path> file = executables.resolve(name, environment.get("PATH"), workDir);
        if (file.isEmpty()) {
            problems.add("muster needs " + name + " (util-linux) on PATH (" + environment.get("PATH") + "); install util-linux");
        }
        return file.orElse(Path.of(name));
    }

    private String pathOf(Map<String, String> env) {
        return env.getOrDefault("PATH", environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
    }
}
