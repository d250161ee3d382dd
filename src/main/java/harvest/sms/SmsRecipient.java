package harvest.sms;

public enum SmsRecipient {
    OPERATOR, FARMER, TEAM_LEADER, DRYING_SITE,
    /** A number the ledgers do not know. */
    OTHER
}
