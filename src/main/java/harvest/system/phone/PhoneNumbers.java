package harvest.system.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Phone numbers are stored in E.164 so that SMS sending and reply matching compare like with like. */
public final class PhoneNumbers {
    private static final String DEFAULT_REGION = "CN";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /**
     * E.164 numbers, the form we store and send (also URL-encoded, as in a logged query string), and Chinese
     * mobiles as farmers type them. A run of digits that goes on, or a decimal point followed by a digit, is an
     * amount or an id rather than a number to call.
     */
    private static final Pattern LOOKS_LIKE_A_PHONE = Pattern.compile(
            "(?<![\\w+.])(?:(?:\\+|%2[Bb])[1-9]\\d{6,14}|1[3-9]\\d{9})(?!\\.?\\d)");

    private PhoneNumbers() {
    }

    public static boolean isValid(String raw) {
        return parse(raw).isPresent();
    }

    /** The E.164 form of a number that {@link #isValid} accepted; null stays null. */
    public static String toE164(String raw) {
        if (raw == null) {
            return null;
        }
        return parse(raw).map(n -> UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164))
                .orElseThrow(() -> new IllegalArgumentException("not a valid phone number: " + raw));
    }

    /**
     * The text with every phone-looking number partly hidden, for logs: the country code, the first three and the
     * last four digits stay so that a number can still be told apart from another, the rest becomes '*'.
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = LOOKS_LIKE_A_PHONE.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(maskOne(matcher.group())));
        } while (matcher.find());
        return matcher.appendTail(masked).toString();
    }

    private static String maskOne(String number) {
        int plus = number.startsWith("+") ? 1 : number.startsWith("%") ? 3 : 0;
        int kept = plus == 0 ? 0 : plus + countryCodeLength("+" + number.substring(plus));
        int digits = number.length() - kept;
        // At least four digits hidden, and every digit beyond the first three and last four.
        int hidden = Math.min(digits, Math.max(4, digits - 7));
        int tail = Math.min(4, digits - hidden);
        int head = digits - hidden - tail;
        return number.substring(0, kept + head) + "*".repeat(hidden) + number.substring(number.length() - tail);
    }

    private static int countryCodeLength(String e164) {
        try {
            return String.valueOf(UTIL.parse(e164, "ZZ").getCountryCode()).length();
        } catch (NumberParseException e) {
            return 0;
        }
    }

    private static Optional<Phonenumber.PhoneNumber> parse(String raw) {
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw.strip(), DEFAULT_REGION);
            return UTIL.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
