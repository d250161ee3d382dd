package harvest.planning;

/** Raised inside the transaction that publishes a plan, so that what reacts to it commits or rolls back with it. */
public record PlanPublished(long planId) {
}
