package harvest.planning;

/** Whether the field is working to a plan: a draft, the one published plan, or an earlier one it replaced. */
public enum Publication {
    DRAFT, PUBLISHED, SUPERSEDED
}
