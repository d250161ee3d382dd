package harvest.drying;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** A field's grain taken in or sent on, in tonnes (at most a large dryer's day). */
@Serdeable
record MovementRequest(
        @NotBlank String fieldCode,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("5000") @Digits(integer = 4, fraction = 2) BigDecimal tonnes) {
}
