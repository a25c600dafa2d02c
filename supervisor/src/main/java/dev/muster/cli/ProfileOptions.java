package dev.muster.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -p PROFILE [-p OVERLAY]...}, shared by every command that reads a profile. */
final class ProfileOptions {
    @Option(names = {"-p", "--profile"}, required = true, paramLabel = "PROFILE",
            description = "Profile YAML; repeat to overlay more files (maps merge key by key, lists replace).")
    List<Path> files = new ArrayList<>();

    List<Path> files() {
        return List.copyOf(files);
    }
}
