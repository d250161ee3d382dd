package harvest.planning.domain;

import ai.timefold.solver.core.api.domain.common.PlanningId;

/** A party-member or militia team that can help one household at a time. */
public record VolunteerTeam(@PlanningId String code, String communityCode) {
}
