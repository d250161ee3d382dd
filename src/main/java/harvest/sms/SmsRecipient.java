package harvest.sms;

public enum SmsRecipient {
    OPERATOR, FARMER, TEAM_LEADER,
    /** A number the ledgers do not know. */
    OTHER
}
