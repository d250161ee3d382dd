package harvest.security.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new staff account, created by an admin. */
@Serdeable
record AccountRequest(@NotNull @Pattern(regexp = CredentialRules.USERNAME, message = CredentialRules.USERNAME_MESSAGE) String username,
                             @Nullable @Size(max = 100) String displayName,
                             @NotNull @Pattern(regexp = "ADMIN|DISPATCHER|VIEWER", message = "must be ADMIN, DISPATCHER or VIEWER")
                             @Schema(allowableValues = {"ADMIN", "DISPATCHER", "VIEWER"}) String role,
                             @NotNull @Size(min = CredentialRules.MIN_PASSWORD, max = CredentialRules.MAX_PASSWORD) String password) {
}
