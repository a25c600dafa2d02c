package dev.muster.supervisor;

import dev.muster.status.Failure;

/** What a {@link ServiceUnit} tells the {@link Supervisor}. Called from the unit's threads. */
interface UnitEvents {

    /** The unit failed; its output has been drained, so its tail is complete. */
    void failed(ServiceUnit unit, Failure failure);

    /** The unit is ready again after a restart: dependents declared with {@code restart: true} follow. */
    void readyAgain(ServiceUnit unit);

    /** The unit reached a state the boot no longer waits on. */
    void settled(ServiceUnit unit);
}
