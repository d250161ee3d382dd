package harvest.sms.inbound;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a reply asks for, read from DESIGN.md's keywords in Chinese and English, any case and width. */
public enum Intent {
    CONFIRM, RESCHEDULE, DONE, BREAKDOWN, STOP, START, HELP, UNKNOWN;

    private static final Map<Intent, List<String>> KEYWORDS = Map.of(
            STOP, List.of("TD", "退订", "STOP", "UNSUBSCRIBE"),
            START, List.of("START", "UNSTOP"),
            HELP, List.of("帮助", "HELP"),
            CONFIRM, List.of("1", "确认", "OK", "CONFIRM", "YES"),
            RESCHEDULE, List.of("2", "改期", "RESCHEDULE"),
            DONE, List.of("完成", "DONE"),
            BREAKDOWN, List.of("故障", "坏了", "BREAKDOWN"));
    private static final List<Intent> ORDER = List.of(STOP, START, HELP, CONFIRM, RESCHEDULE, DONE, BREAKDOWN);

    /** The first keyword the text starts with, as a whole word; full-width letters and digits count as half-width. */
    public static Intent of(String body) {
        String text = Normalizer.normalize(body, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT)
                .replaceAll("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$", "");
        for (Intent intent : ORDER) {
            for (String keyword : KEYWORDS.get(intent)) {
                if (text.startsWith(keyword) && (text.length() == keyword.length() || !wordGoesOn(keyword, text.charAt(keyword.length())))) {
                    return intent;
                }
            }
        }
        return UNKNOWN;
    }

    /** "OKAY" is not "OK" and "12" is not "1"; Chinese keywords need no space after them. */
    private static boolean wordGoesOn(String keyword, char next) {
        char last = keyword.charAt(keyword.length() - 1);
        return last < 128 && next < 128 && Character.isLetterOrDigit(next);
    }
}
