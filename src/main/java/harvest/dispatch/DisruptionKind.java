package harvest.dispatch;

/** What can put published work in question during the day. */
public enum DisruptionKind {
    BREAKDOWN, RAIN, NOT_READY
}
