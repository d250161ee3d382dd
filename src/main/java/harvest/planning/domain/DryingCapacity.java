package harvest.planning.domain;

import ai.timefold.solver.core.api.domain.common.PlanningId;

/** A drying site as the planner sees it: where it is and how many kg it takes on each day of the horizon. */
public record DryingCapacity(@PlanningId String code, Place place, long[] kgPerDay) {

    public long kgOn(int day) {
        return day >= 0 && day < kgPerDay.length ? kgPerDay[day] : 0;
    }
}
