package harvest.planning;

/** How a plan is made: the planning engine, or the dispatcher's rule of thumb (planning rule 9), the baseline every plan is compared with. */
public enum Strategy {
    PLANNER, GREEDY
}
