package harvest.sms.outbox;

/** Which message of the catalogue a text is. */
public enum SmsKind {
    /** An operator's day: fields in order with time, area, farmer, drying site and the nearest aid station. */
    ITINERARY,
    /** A farmer's fields: expected time, combine and operator, drying site. */
    FIELD_NOTICE,
    /** A team leader's households for the day. */
    TEAM_TASK,
    /** Only what a revision changed for this person. */
    PLAN_CHANGE,
    /** Urgent: a new forecast puts rain over an operator's published jobs; sent even in quiet hours. */
    RAIN_ALERT,
    /** A drying site's expected intake for the next day, by two-hour block. */
    DRYING_INTAKE,
    /** The dispatcher's own words to a community, all operators or all team leaders. */
    BROADCAST,
    /** The keywords, to someone whose text was not understood or who asked for help. */
    HELP_REPLY,
    /** The evening's daily dispatch summary for the bureau's leaders. */
    DAILY_SUMMARY,
    /** A one-time code for signing in to the app; sent even in quiet hours, valid a few minutes. */
    SIGN_IN_CODE
}
