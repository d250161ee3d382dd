package harvest.sms.outbox;

public enum SmsRecipient {
    OPERATOR, FARMER, TEAM_LEADER, DRYING_SITE,
    /** The bureau's leaders, configured by number. */
    LEADER,
    /** A number the ledgers do not know. */
    OTHER
}
