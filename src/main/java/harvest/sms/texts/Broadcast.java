package harvest.sms.texts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The dispatcher's own text to a community's farmers, all operators or all team leaders. */
@Serdeable
@Schema(name = "Broadcast")
public record Broadcast(
        @NotNull Audience audience,
        @Nullable @Schema(description = "Required for COMMUNITY") String community,
        @NotBlank @Size(max = 1000) String body,
        @Nullable @Schema(description = "A rain alert: sent even in quiet hours (default false)") Boolean urgent) {

    public enum Audience {
        COMMUNITY, OPERATORS, TEAM_LEADERS
    }
}
