package harvest.system.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import harvest.system.phone.PhoneNumbers;

/** {@code %msg} with farmers' phone numbers masked, whichever logger, ours or a library's, wrote them. */
public class MaskedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return PhoneNumbers.mask(super.convert(event));
    }
}
