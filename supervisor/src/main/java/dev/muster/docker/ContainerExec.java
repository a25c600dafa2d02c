package dev.muster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command in a running container ({@code docker exec}) and collects its output and exit code. */
final class ContainerExec {

    /**
     * @param exitCode the command's exit code; -1 when it did not finish within the timeout
     * @param stdout   what it printed on stdout
     * @param stderr   what it printed on stderr
     */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private ContainerExec() {
    }

    static Result run(DockerClient client, String container, List<String> argv, Duration timeout) {
        String exec = client.execCreateCmd(container).withCmd(argv.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (var callback = client.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                (frame.getStreamType() == StreamType.STDERR ? err : out).writeBytes(frame.getPayload());
            }
        })) {
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Result(-1, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted");
        } catch (java.io.IOException e) {
            // Closing the finished stream failed: the output is complete.
        }
        Long code = client.inspectExecCmd(exec).exec().getExitCodeLong();
        return new Result(code == null ? -1 : code.intValue(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }
}
