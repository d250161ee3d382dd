package harvest.field;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

@Serdeable
public record StatusChange(@NotNull FieldStatus status, @Nullable Long version) {
}
