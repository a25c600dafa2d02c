package dev.muster.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;

class NoPlatformMBeansTest {
    @Test
    void refusesMBeanServersOnlyWhileTheControlPortStarts() {
        assertThatThrownBy(() -> NoPlatformMBeans.during(MBeanServerFactory::newMBeanServer))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("without JMX");

        assertThat(System.getProperty(NoPlatformMBeans.PROPERTY)).isNull();
        assertThat(MBeanServerFactory.newMBeanServer().getMBeanCount()).isPositive();
    }

    @Test
    void leavesABuilderTheUserChoseAlone() {
        System.setProperty(NoPlatformMBeans.PROPERTY, "javax.management.MBeanServerBuilder");
        try {
            assertThat(NoPlatformMBeans.during(MBeanServerFactory::newMBeanServer).getMBeanCount()).isPositive();
            assertThat(System.getProperty(NoPlatformMBeans.PROPERTY)).isEqualTo("javax.management.MBeanServerBuilder");
        } finally {
            System.clearProperty(NoPlatformMBeans.PROPERTY);
        }
    }
}
