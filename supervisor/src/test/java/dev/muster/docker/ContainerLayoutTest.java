package dev.muster.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Bind;
import dev.muster.profile.ContainerSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerLayoutTest {
    private final ContainerLayout layout = new ContainerLayout(Path.of("/work/app"), Map.of("HOME", "/home/dev"));

    @Test
    void resolvesRelativeBindMountsAgainstTheWorkingDirectoryAndKeepsNamedVolumes() {
        List<Bind> binds = layout.binds(new ContainerSpec("x", List.of(),
                List.of("pgdata:/var/lib/postgresql/data", "./init:/init:ro", "../shared:/shared", "~/cache:/cache")));

        assertThat(binds).extracting(Bind::toString).containsExactly(
                "pgdata:/var/lib/postgresql/data:rw", "/work/app/init:/init:ro", "/work/shared:/shared:rw", "/home/dev/cache:/cache:rw");
    }

    @Test
    void namesContainersAfterStackAndServiceAndNetworksAfterTheStack() {
        assertThat(ContainerLayout.containerName("local", "redis")).isEqualTo("local-redis");
        assertThat(ContainerLayout.containerName("my stack", "db")).isEqualTo("my_stack-db");
        assertThat(ContainerLayout.networkName("local")).isEqualTo("muster-local");
    }
}
