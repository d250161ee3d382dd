package harvest.system.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import harvest.system.phone.PhoneNumbers;

/**
 * {@code %ex} with phone numbers masked: a provider's or the database's message ("'To' number +86... is invalid",
 * "Key (phone)=(+86...) already exists") carries them as often as our own log lines do.
 */
public class MaskedThrowableConverter extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return PhoneNumbers.mask(super.convert(event));
    }
}
