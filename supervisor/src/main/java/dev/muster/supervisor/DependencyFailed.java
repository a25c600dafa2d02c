package dev.muster.supervisor;

/** Completes a dependency's futures exceptionally: the condition will never be met. */
final class DependencyFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String service;

    DependencyFailed(String service, String why) {
        super(service + " " + why, null, false, false);
        this.service = service;
    }

    String service() {
        return service;
    }
}
