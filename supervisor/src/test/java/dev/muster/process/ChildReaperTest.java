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

    @Test
    void givesExitValuesAsJavaDoesCodeOr128PlusTheSignal() {
        assertThat(ChildReaper.exitValue(4 << 8)).isEqualTo(4);
        assertThat(ChildReaper.exitValue(0)).isEqualTo(0);
        assertThat(ChildReaper.exitValue(9)).isEqualTo(137);
        assertThat(ChildReaper.exitValue(15 | 0x80)).as("with a core dump").isEqualTo(143);
    }
}
