package harvest.sms.texts;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** Who a broadcast reaches and what it costs, before (or as) it is queued. */
@Serdeable
@Schema(name = "BroadcastPreview")
public record BroadcastPreview(int recipients, @Schema(description = "Numbers that opted out and are skipped") int optedOut,
                               String encoding, int segmentsPerText, int totalSegments, BigDecimal estimatedCost,
                               String currency, @Schema(description = "Up to ten of the numbers") List<String> sample,
                               @Schema(description = "How many were queued; 0 for a preview") int queued) {
}
