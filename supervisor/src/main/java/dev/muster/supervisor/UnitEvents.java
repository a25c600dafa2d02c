package dev.muster.supervisor;

/** What the {@link Supervisor} hears from each unit's {@link Lifecycle}. Called from the unit's threads. */
interface UnitEvents {

    /**
     * {@code event} was applied to {@code unit}'s state; its dependents' futures are released right
     * after this returns (so a failure report still sees who was waiting).
     */
    void changed(String unit, UnitEvent event);
}
