package harvest.drying;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** A site on the public board (场地使用动态): where it is and whether it takes grain; no contact numbers. */
@Serdeable
public record PublicDryingSite(String code, String name, DryingKind kind, String communityCode, double lat, double lon,
                               BigDecimal capacityTodayTonnes, BigDecimal roomLeftTodayTonnes, BigDecimal currentTonnes,
                               SiteState state) {

    static PublicDryingSite of(DryingSiteStatus site) {
        return new PublicDryingSite(site.code(), site.name(), site.kind(), site.communityCode(), site.lat(), site.lon(),
                site.capacityTodayTonnes(), site.roomLeftTodayTonnes(), site.currentTonnes(), site.state());
    }
}
