package dev.muster.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {
    @Test
    void readsParentGroupSessionAndStartTimeEvenWithParenthesesInTheName() {
        String stat = "4711 (we (ird) name) S 1 4711 4700 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 98765 1000 10";

        ProcStat parsed = ProcStat.parse(4711, stat);

        assertThat(parsed).isEqualTo(new ProcStat(4711, 'S', 1, 4711, 4700, 98765));
        assertThat(parsed.identity()).isEqualTo(new ProcStat.Identity(4711, 98765));
    }

    @Test
    void readsThisProcess() {
        long self = ProcessHandle.current().pid();

        assertThat(ProcStat.of(self)).hasValueSatisfying(stat -> {
            assertThat(stat.parent()).isEqualTo(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
            assertThat(stat.startTicks()).isPositive();
        });
    }
}
