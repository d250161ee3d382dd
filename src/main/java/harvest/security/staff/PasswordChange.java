package harvest.security.staff;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A staff member's own password change; it ends all their sessions, so they sign in again. */
@Serdeable
public record PasswordChange(@NotNull @Size(max = CredentialRules.MAX_PASSWORD) String currentPassword,
                             @NotNull @Size(min = CredentialRules.MIN_PASSWORD, max = CredentialRules.MAX_PASSWORD) String newPassword) {
}
