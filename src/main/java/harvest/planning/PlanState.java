package harvest.planning;

/** Where a plan's solve is: waiting for a free solver, searching, done, or failed with a reason. */
public enum PlanState {
    QUEUED, SOLVING, SOLVED, FAILED
}
