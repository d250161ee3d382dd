package harvest.dispatch;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

@Serdeable
@Schema(name = "FinishReport")
public record FinishReport(
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000") @Schema(description = "Mu of the chunk harvested in all") Double actualMu,
        @NotNull @DecimalMin("0") @DecimalMax("20000") @Schema(description = "Tonnes of grain off it") Double tonnes) {
}
