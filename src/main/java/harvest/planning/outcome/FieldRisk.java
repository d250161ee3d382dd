package harvest.planning.outcome;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

@Serdeable
@Schema(name = "FieldRisk")
public record FieldRisk(String fieldCode, double areaMu, String reason) {
}
