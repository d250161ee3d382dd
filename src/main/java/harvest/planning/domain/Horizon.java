package harvest.planning.domain;

/** The end of the planning horizon (minutes from its start) and the loss model that judges the plan. */
public record Horizon(int endMinute, LossModel loss) {
}
