package harvest.sms.inbound;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A text someone sent the service, what it was read as, and what the service did about it. */
@Serdeable
@Schema(name = "InboundText")
public record InboundText(long id, String sid, String phone, String body, Intent intent, String action,
                          @Schema(description = "The dispatcher should look at it: not understood, a breakdown, a request to reschedule")
                          boolean needsAttention, Instant receivedAt) {
}
