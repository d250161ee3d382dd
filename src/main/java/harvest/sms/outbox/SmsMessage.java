package harvest.sms.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A text in the outbox, with what happened to it. */
@Serdeable
@Schema(name = "SmsMessage")
public record SmsMessage(
        long id,
        SmsKind kind,
        SmsRecipient recipientRole,
        @Schema(description = "Code of the combine, farmer or team the text is for") String recipientCode,
        String phone,
        String language,
        String body,
        @Schema(description = "GSM-7 or UCS-2") String encoding,
        int segments,
        boolean urgent,
        @Nullable Long planId,
        SmsStatus status,
        int attempts,
        Instant notBefore,
        Instant expiresAt,
        @Nullable @Schema(description = "The provider's message id") String sid,
        @Nullable BigDecimal price,
        @Nullable String priceUnit,
        @Nullable Integer errorCode,
        @Nullable String errorMessage,
        Instant createdAt,
        @Nullable Instant sentAt,
        @Schema(description = "The plan's assignments (chunk ids) the text is about") List<String> chunkIds) {
}
