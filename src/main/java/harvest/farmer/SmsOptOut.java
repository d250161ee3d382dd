package harvest.farmer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

@Serdeable
public record SmsOptOut(@NotNull Boolean optedOut, @Nullable Long version) {
}
