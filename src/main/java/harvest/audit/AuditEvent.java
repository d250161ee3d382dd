package harvest.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Map;

/** One recorded change: who did it, when, to what, and the entity as the API showed it before and after. */
@Serdeable
@Schema(name = "AuditEvent")
public record AuditEvent(long id, OffsetDateTime at, String actor, AuditedEntity entity, String key, String action,
                         @Schema(description = "The entity as the API showed it before; absent when it was created",
                                 type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
                         @Nullable Map<String, Object> before,
                         @Schema(description = "The entity as the API showed it after; absent when it was removed",
                                 type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
                         @Nullable Map<String, Object> after) {
}
