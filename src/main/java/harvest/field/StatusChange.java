package harvest.field;

import harvest.ledger.Crops;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Serdeable
public record StatusChange(
        @NotNull @Schema(description = "DRYING and STORED are not accepted: they follow intake and outflow at drying sites") FieldStatus status,
        @Nullable @Pattern(regexp = Crops.PATTERN, message = Crops.MESSAGE)
        @Schema(description = "The crop sown after harvest; required with status SOWN and only with it") String nextCrop,
        @Nullable Long version) {
}
