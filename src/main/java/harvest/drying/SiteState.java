package harvest.drying;

/** Whether a drying site takes grain right now; a closed site is reported closed even when it is also full. */
public enum SiteState {
    OPEN, FULL, CLOSED_BY_RAIN
}
