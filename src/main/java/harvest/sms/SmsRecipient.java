package harvest.sms;

public enum SmsRecipient {
    OPERATOR, FARMER, TEAM_LEADER
}
