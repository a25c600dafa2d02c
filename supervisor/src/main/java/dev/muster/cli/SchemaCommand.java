package dev.muster.cli;

import dev.muster.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code muster schema}: the JSON Schema of the profile format, for editors (for example the YAML
 * language server: {@code # yaml-language-server: $schema=muster-profile.json}).
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (2020-12) of the profile format, for editors.")
final class SchemaCommand implements Callable<Integer> {
    static final String RESOURCE = "/dev/muster/profile/profile.schema.json";

    private final Streams streams;

    SchemaCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        streams.out().print(text());
        return ExitCodes.OK;
    }

    static String text() {
        try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the profile schema " + RESOURCE + " is missing from the jar; rebuild muster");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
