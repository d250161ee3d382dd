package harvest.drying;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** The public board as of a moment: it is cached, so it says when it was read. */
@Serdeable
public record PublicDryingSites(@Schema(description = "When these states were read") OffsetDateTime asOf,
                                List<PublicDryingSite> sites) {
}
