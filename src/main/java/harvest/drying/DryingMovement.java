package harvest.drying;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One movement of a field's grain in or out of a drying site. */
@Serdeable
public record DryingMovement(long id, String siteCode, String fieldCode, MovementKind kind, BigDecimal tonnes,
                             OffsetDateTime at, @Schema(description = "The district-local date of at") LocalDate day,
                             @Schema(description = "Who recorded it") String actor) {
}
