package harvest.machine;

/** Raised in the transaction that records a breakdown, so that its pending work is flagged with it. */
public record MachineBrokeDown(String machineCode) {
}
