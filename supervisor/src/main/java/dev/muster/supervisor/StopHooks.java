package dev.muster.supervisor;

/**
 * Work the shutdown does at a unit's turn: {@link #beforeStop} runs after every unit that depends on
 * {@code unit} has stopped and before {@code unit} itself is stopped (the on-stop dump runs there,
 * before PostgreSQL). It blocks that unit's stop, and only that unit's.
 */
@FunctionalInterface
public interface StopHooks {
    /** @param unit the name of the unit about to be stopped */
    void beforeStop(String unit);

    /** Nothing to do. */
    static StopHooks none() {
        return unit -> { };
    }
}
