package harvest.security;

import harvest.system.phone.Phone;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Duration;

/** The bodies of the sign-in routes. */
public final class SignInRequests {
    private SignInRequests() {
    }

    @Serdeable
    @Schema(name = "StaffSignIn")
    public record StaffSignIn(@NotNull @Size(min = 1, max = 40) String username, @NotNull @Size(min = 1, max = 128) String password) {
    }

    @Serdeable
    @Schema(name = "Refresh")
    public record Refresh(@NotNull @Size(min = 1, max = 100) String refreshToken) {
    }

    @Serdeable
    @Schema(name = "CodeRequest")
    public record CodeRequest(@NotNull @Phone @Schema(example = "+8613812345678") String phone) {
    }

    @Serdeable
    @Schema(name = "CodeSignIn")
    public record CodeSignIn(@NotNull @Phone @Schema(example = "+8613812345678") String phone,
                             @NotNull @Pattern(regexp = "^[0-9]{6}$", message = "must be the six digits of the texted code") String code) {
    }

    @Serdeable
    @Schema(name = "CodeSent", description = "The same answer whether or not the number is in the ledgers")
    public record CodeSent(long expiresInSeconds, String message) {
        static CodeSent of(Duration ttl) {
            return new CodeSent(ttl.toSeconds(), "If this number belongs to an operator, farmer, team leader or drying-site contact, "
                    + "a code is on its way by SMS.");
        }
    }
}
