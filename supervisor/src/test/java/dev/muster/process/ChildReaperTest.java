package dev.muster.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChildReaperTest {
    @Test
    void decodesWaitStatusesLikeTheKernelWritesThem() {
        assertThat(ChildReaper.decode(4 << 8)).isEqualTo("exited with code 4");
        assertThat(ChildReaper.decode(15)).isEqualTo("killed by SIGTERM");
        assertThat(ChildReaper.decode(9)).isEqualTo("killed by SIGKILL");
        assertThat(ChildReaper.decode(0)).isEqualTo("exited with code 0");
    }
}
