package harvest.system.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import harvest.system.phone.PhoneNumbers;

import java.nio.charset.StandardCharsets;

/**
 * The JSON lines with phone numbers masked. The whole line is masked rather than the message alone: the encoder
 * also writes the raw arguments, the MDC and the exception messages, any of which may hold a number.
 */
public class MaskedJsonEncoder extends JsonEncoder {
    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = super.encode(event);
        String text = new String(line, StandardCharsets.UTF_8);
        String masked = PhoneNumbers.mask(text);
        return masked == text ? line : masked.getBytes(StandardCharsets.UTF_8);
    }
}
