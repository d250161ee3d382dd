package harvest.planning.domain;

/** The end of the planning horizon (minutes from its start), the loss model that judges the plan and the prices that weigh it. */
public record Horizon(int endMinute, LossModel loss, Prices prices) {

    public int days() {
        return endMinute / 1440;
    }
}
