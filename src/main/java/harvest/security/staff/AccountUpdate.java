package harvest.security.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An admin's change to an account; absent properties stay as they are. Changing the role, disabling the account
 * or setting a new password ends its sessions.
 */
@Serdeable
public record AccountUpdate(@Nullable @Size(max = 100) String displayName,
                            @Nullable @Pattern(regexp = "ADMIN|DISPATCHER|VIEWER", message = "must be ADMIN, DISPATCHER or VIEWER")
                            @Schema(allowableValues = {"ADMIN", "DISPATCHER", "VIEWER"}) String role,
                            @Nullable Boolean enabled,
                            @Nullable @Size(min = CredentialRules.MIN_PASSWORD, max = CredentialRules.MAX_PASSWORD) String password) {
}
