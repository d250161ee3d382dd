package harvest.security;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Serdeable
@Schema(description = "Tokens for a session. Send the access token as 'Authorization: Bearer …'; when it expires, "
        + "trade the refresh token for a new one at /api/v1/auth/refresh.")
public record SignedIn(String accessToken,
                       @Schema(allowableValues = "Bearer") String tokenType,
                       @Schema(description = "Seconds the access token is valid") long expiresIn,
                       String refreshToken,
                       @Schema(description = "When the session (and its refresh token) ends") Instant refreshExpiresAt,
                       @Schema(description = "The username, or 'app' and the phone number") String name,
                       List<String> roles) {
}
