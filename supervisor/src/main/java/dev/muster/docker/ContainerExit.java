package dev.muster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.WaitResponse;
import dev.muster.process.ExitStatus;
import java.util.concurrent.CompletableFuture;

/**
 * A container's end as a future, from the engine's wait (nothing polls). If the wait stream
 * breaks or closes without a status, the exit code the engine recorded is used instead.
 */
final class ContainerExit {
    private ContainerExit() {
    }

    static CompletableFuture<ExitStatus> watch(DockerClient client, String id) {
        CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
        client.waitContainerCmd(id).exec(new ResultCallback.Adapter<WaitResponse>() {
            @Override
            public void onNext(WaitResponse response) {
                exit.complete(new ExitStatus(response.getStatusCode()));
            }

            @Override
            public void onError(Throwable error) {
                exit.complete(recorded(client, id));
            }

            @Override
            public void onComplete() {
                exit.complete(recorded(client, id));
            }
        });
        return exit;
    }

    /** The exit code the engine recorded, or 255 when it cannot say. */
    private static ExitStatus recorded(DockerClient client, String id) {
        try {
            Long code = client.inspectContainerCmd(id).exec().getState().getExitCodeLong();
            return new ExitStatus(code == null ? 255 : code.intValue());
        } catch (RuntimeException e) {
            return new ExitStatus(255);
        }
    }
}
