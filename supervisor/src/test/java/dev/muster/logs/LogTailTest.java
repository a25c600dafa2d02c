package dev.muster.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTailTest {
    @Test
    void keepsTheLastLinesInOrderAndCountsAll() {
        LogTail tail = new LogTail(3);
        for (int i = 1; i <= 5; i++) {
            tail.add("l" + i);
        }
        assertThat(tail.last(2)).containsExactly("l4", "l5");
        assertThat(tail.last(50)).containsExactly("l3", "l4", "l5");
        assertThat(tail.total()).isEqualTo(5);
    }
}
