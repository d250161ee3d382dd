package harvest.security.staff;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A staff member's own password change; it ends all their sessions, so they sign in again. */
@Serdeable
public record PasswordChange(@NotNull @Size(max = StaffAccounts.MAX_PASSWORD) String currentPassword,
                             @NotNull @Size(min = StaffAccounts.MIN_PASSWORD, max = StaffAccounts.MAX_PASSWORD) String newPassword) {
}
