package harvest.sms.outbox;

/** The two languages texts are written in; farmers choose theirs, everyone else reads Chinese. */
public enum SmsLanguage {
    ZH("zh-CN"), EN("en");

    private final String tag;

    SmsLanguage(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static SmsLanguage of(String tag) {
        return "en".equals(tag) ? EN : ZH;
    }
}
