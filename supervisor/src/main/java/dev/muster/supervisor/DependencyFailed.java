package dev.muster.supervisor;

/** Completes a dependency's futures exceptionally: the condition will never be met. */
final class DependencyFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final boolean disabled;

    DependencyFailed(String service, String why) {
        this(service, why, false);
    }

    /** @param disabled the dependency is off ({@code enabled: false}): nothing failed, it is not part of this boot */
    DependencyFailed(String service, String why, boolean disabled) {
        super(service + " " + why, null, false, false);
        this.service = service;
        this.disabled = disabled;
    }

    /** Whether the dependency is off ({@code enabled: false}) rather than failed. */
    boolean disabled() {
        return disabled;
    }

    /** Why a dependent is not started: "dependency db failed", "flower is disabled". */
    String notStarted() {
        return disabled ? getMessage() : "dependency " + getMessage();
    }

    String service() {
        return service;
    }
}
