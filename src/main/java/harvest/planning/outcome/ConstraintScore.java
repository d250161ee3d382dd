package harvest.planning.outcome;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

@Serdeable
@Schema(name = "ConstraintScore")
public record ConstraintScore(String constraint, String score) {
}
