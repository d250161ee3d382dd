package harvest.planning;

import harvest.system.era.InServiceEra;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Instant;

/** Revises the published plan over the same horizon and scope, with the latest forecast and ledgers. */
@Serdeable
@Schema(name = "ReplanRequest")
public record ReplanRequest(
        @Nullable @Schema(description = "Default: the published plan's strategy") Strategy strategy,
        @Nullable @Min(1) @Max(3600) Integer timeLimitSeconds,
        @Nullable @InServiceEra @Schema(description = "Usually now: pin every assignment that starts before this time, as if started, and start no other work before it") Instant pinStartedBefore) {
}
