package harvest.dispatch;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

@Serdeable
@Schema(name = "ProgressReport")
public record ProgressReport(
        @NotNull @DecimalMin("0") @DecimalMax("10000") @Schema(description = "Mu of the chunk harvested so far") Double doneMu) {
}
