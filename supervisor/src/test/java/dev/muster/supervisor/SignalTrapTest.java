package dev.muster.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalTrapTest {
    @Test
    void takesSigusr2OverOnlyWhenHotspotWasToldToSuspendWithAnotherSignal() {
        assertThat(trap(Map.of()).suspendSignalMoved()).isFalse();
        assertThat(trap(Map.of(SignalTrap.SR_SIGNUM, "64")).suspendSignalMoved()).isTrue();
        assertThat(trap(Map.of(SignalTrap.SR_SIGNUM, "13")).suspendSignalMoved()).isTrue();
        assertThat(trap(Map.of(SignalTrap.SR_SIGNUM, "12")).suspendSignalMoved()).as("SIGUSR2 itself").isFalse();
        assertThat(trap(Map.of(SignalTrap.SR_SIGNUM, "11")).suspendSignalMoved()).as("HotSpot refuses <= SIGSEGV").isFalse();
        assertThat(trap(Map.of(SignalTrap.SR_SIGNUM, "65")).suspendSignalMoved()).as("beyond NSIG").isFalse();
        assertThat(trap(Map.of(SignalTrap.SR_SIGNUM, "usr1")).suspendSignalMoved()).isFalse();
    }

    @Test
    void stopsOnlyOnTermIntAndHupAndIgnoresNoneOfThem() {
        assertThat(SignalTrap.STOP).extracting(Enum::name).containsExactly("TERM", "INT", "HUP");
        assertThat(SignalTrap.IGNORED).doesNotContainAnyElementsOf(SignalTrap.STOP)
                .extracting(Enum::name).contains("USR1", "USR2", "ALRM");
    }

    private static SignalTrap trap(Map<String, String> env) {
        return new SignalTrap(env, line -> { });
    }
}
