package dev.muster.control;

import java.util.function.Supplier;
import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;

/**
 * Keeps XNIO from creating the JVM's platform MBean server while the control port starts. XNIO
 * registers its provider, worker and server MXBeans unconditionally, and the first registration
 * creates the platform MBean server, which registers every JDK MXBean: about 250 classes of
 * {@code javax.management}, {@code com.sun.jmx}, {@code sun.management} and {@code jdk.management.jfr}
 * loaded and initialised on every {@code muster up}, for beans nobody reads (muster exposes no JMX).
 * While {@link #during} runs, {@code javax.management.builder.initial} names this builder, which
 * refuses; XNIO catches that and carries on without its beans. The property is put back
 * afterwards, so a later caller of {@code ManagementFactory.getPlatformMBeanServer()} gets a real one.
 */
public final class NoPlatformMBeans extends MBeanServerBuilder {
    static final String PROPERTY = "javax.management.builder.initial";

    /** Called by {@code MBeanServerFactory} only (public, no arguments). */
    public NoPlatformMBeans() {
    }

    /** Runs {@code start} with MBean servers refused, unless the user chose a builder. */
    static <T> T during(Supplier<T> start) {
        String chosen = System.getProperty(PROPERTY);
        if (chosen != null) {
            return start.get();
        }
        System.setProperty(PROPERTY, NoPlatformMBeans.class.getName());
        try {
            return start.get();
        } finally {
            System.clearProperty(PROPERTY);
        }
    }

    @Override
    public MBeanServerDelegate newMBeanServerDelegate() {
        throw refused();
    }

    @Override
    public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
        throw refused();
    }

    private static UnsupportedOperationException refused() {
        return new UnsupportedOperationException("muster starts its control port without JMX");
    }
}
