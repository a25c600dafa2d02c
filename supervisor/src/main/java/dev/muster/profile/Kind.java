package dev.muster.profile;

/** What a service entry is: a long-running {@code service} or a run-to-completion {@code task}. */
public enum Kind {
    SERVICE, TASK;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
