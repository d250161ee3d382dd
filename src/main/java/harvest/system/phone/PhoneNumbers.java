package harvest.system.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Optional;

/** Phone numbers are stored in E.164 so that SMS sending and reply matching compare like with like. */
public final class PhoneNumbers {
    private static final String DEFAULT_REGION = "CN";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

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

    private static Optional<Phonenumber.PhoneNumber> parse(String raw) {
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw.strip(), DEFAULT_REGION);
            return UTIL.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
