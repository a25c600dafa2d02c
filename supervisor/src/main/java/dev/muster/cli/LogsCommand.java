package dev.muster.cli;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.client.SupervisorLocator;
import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code muster logs SERVICE}: a service's captured output, from the running supervisor. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Print a service's captured output (secrets redacted) from the running supervisor;",
            "with --follow, keep printing new lines until the supervisor stops. With no supervisor",
            "running, the service's log: file (from the profile) is read instead.",
            "Exit: 0 printed, 1 no supervisor answers and there is no log file, or no such service."})
final class LogsCommand implements Callable<Integer> {
    private final Streams streams;

    @Mixin
    ClientOptions client;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service's name, as in the profile.")
    String service;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", defaultValue = "100",
            description = "How many of the latest lines to print first (default ${DEFAULT-VALUE}; at most 1000 are kept).")
    int tail;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines as the service writes them.")
    boolean follow;

    LogsCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        Optional<Profile> profile = client.profile(streams);
        SupervisorLocator.Target target = new SupervisorLocator(streams.env()).locate(profile);
        if (follow) {
            boolean answered = target.client().follow("/logs/" + service + "?follow=1&tail=" + Math.max(0, tail),
                    (type, data) -> {
                        if (type.equals("line")) {
                            streams.out().println(data);
                        }
                    });
            return answered ? ExitCodes.OK : fromFile(profile, target);
        }
        Optional<String> lines = target.client().logs(service, Math.max(0, tail));
        if (lines.isPresent()) {
            streams.out().print(lines.get());
            streams.out().flush();
            return ExitCodes.OK;
        }
        return fromFile(profile, target);
    }

    private int fromFile(Optional<Profile> profile, SupervisorLocator.Target target) {
        Optional<ServiceSpec> spec = profile.map(p -> p.services().get(service));
        if (spec.isEmpty() || spec.get().log() == null || !Files.isReadable(spec.get().log().file())) {
            throw new MusterException(ExitCodes.SERVICE_FAILED, "no supervisor answers at " + target.client().base()
                    + ", and " + service + " has no readable log: file" + (profile.isEmpty() ? " (pass -p PROFILE)" : "")
                    + "; its output lives only in a running muster's memory");
        }
        try {
            List<String> all = Files.readAllLines(spec.get().log().file());
            streams.err().println("muster: no supervisor answers at " + target.client().base() + "; from "
                    + spec.get().log().file() + ":");
            dev.muster.secret.Redactor redactor = dev.muster.secret.Redactor.forProfile(profile.get()).including(streams.env());
            all.subList(Math.max(0, all.size() - tail), all.size()).forEach(l -> streams.out().println(redactor.redact(l)));
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new MusterException(ExitCodes.SERVICE_FAILED, "cannot read " + spec.get().log().file() + ": " + e);
        }
    }
}
