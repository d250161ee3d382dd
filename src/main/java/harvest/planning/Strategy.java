package harvest.planning;

/** How a plan is made: the planning engine, or the dispatcher's greedy rule of thumb as a baseline. */
public enum Strategy {
    PLANNER, GREEDY
}
