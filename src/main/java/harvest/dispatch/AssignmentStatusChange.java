package harvest.dispatch;

import harvest.planning.AssignmentStatus;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Serdeable
@Schema(name = "AssignmentStatusChange")
public record AssignmentStatusChange(@NotNull AssignmentStatus status) {
}
