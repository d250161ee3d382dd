package harvest.machine;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A combine out of service from {@code reportedAt} until {@code repairedAt}. */
@Serdeable
@Schema(name = "Breakdown")
public record Breakdown(String machineCode, Instant reportedAt, @Nullable Instant repairedAt) {
}
