package harvest.dispatch;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;

@Serdeable
@Schema(name = "NotReady")
public record NotReady(
        String fieldCode,
        @Schema(description = "The field's ripeness now: no combine comes before it") OffsetDateTime ripeFrom,
        @Schema(description = "Published assignments on the field flagged for the draft re-plan") int flagged) {
}
