package dev.muster.docker;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Builds an image from a Dockerfile and a context with docker-java, streaming the build's output. */
final class ImageBuilder {
    private final DockerEngine engine;

    ImageBuilder(DockerEngine engine) {
        this.engine = engine;
    }

    /**
     * Builds and tags the image; returns its id.
     *
     * @throws MusterException (exit 1) when the build fails, with the builder's last message
     */
    String build(Path dockerfile, Path context, Map<String, String> buildArgs, String tag, Consumer<String> out) {
        if (!Files.isRegularFile(dockerfile)) {
            throw new MusterException(ExitCodes.PREFLIGHT_FAILED, "reproduce: " + dockerfile
                    + " does not exist; run it in the project's directory or pass -f PATH/Dockerfile");
        }
        if (!dockerfile.toAbsolutePath().normalize().startsWith(context.toAbsolutePath().normalize())) {
            throw new MusterException(ExitCodes.PREFLIGHT_FAILED, "reproduce: the Dockerfile " + dockerfile
                    + " is outside the build context " + context + "; pass --context DIR that contains it");
        }
        var command = engine.client().buildImageCmd().withDockerfile(dockerfile.toFile())
                .withBaseDirectory(context.toFile()).withTags(Set.of(tag)).withPull(false);
        buildArgs.forEach(command::withBuildArg);
        try {
            return command.exec(new BuildImageResultCallback() {
                @Override
                public void onNext(BuildResponseItem item) {
                    if (item.getStream() != null) {
                        item.getStream().lines().filter(line -> !line.isBlank()).forEach(out);
                    }
                    super.onNext(item);
                }
            }).awaitImageId();
        } catch (RuntimeException e) {
            throw new MusterException(ExitCodes.SERVICE_FAILED, "reproduce: building " + dockerfile + " failed: "
                    + EngineErrors.reason(e) + "; fix the Dockerfile (the build's output is above)", e);
        }
    }
}
