package harvest.audit;

/** What the audit log keeps the history of; each is keyed by its code (a plan by its id, an assignment by its chunk id, a staff account by its username). */
public enum AuditedEntity {
    ACCOUNT, ASSIGNMENT, FIELD, MACHINE, PLAN
}
