package harvest.security.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A staff account as the API shows it: never its password hash. */
@Serdeable
public record StaffAccount(String username, @Nullable String displayName,
                           @Schema(allowableValues = {"ADMIN", "DISPATCHER", "VIEWER"}) String role,
                           boolean enabled, Instant createdAt, Instant passwordChangedAt, long version) {
}
