package harvest.security;

import harvest.security.mobile.Holdings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

@Serdeable
@Schema(description = "Who the token belongs to and, for the app, what they may open")
public record Me(String name, Identity.Kind kind, List<String> roles,
                 @Nullable @Schema(description = "For the app: the ledger entries of this phone number") Holdings holdings,
                 @Nullable @Schema(description = "The published plan, whose itineraries and tasks the app shows") Long publishedPlanId) {
}
