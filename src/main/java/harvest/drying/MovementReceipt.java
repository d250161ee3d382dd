package harvest.drying;

import io.micronaut.serde.annotation.Serdeable;

/** A recorded movement and the site's state after it. */
@Serdeable
public record MovementReceipt(DryingMovement movement, DryingSiteStatus site) {
}
