package harvest.drying;

import harvest.field.Field;
import harvest.field.FieldLedger;
import harvest.field.FieldStatus;
import harvest.system.Actor;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Grain in and out of drying sites, and what that means for its field: the first intake makes a harvested field
 * DRYING, and once all of its grain has left the sites it is STORED. Each movement is one transaction that locks
 * the site and the field, so checks and writes cannot interleave with another movement's.
 */
@Singleton
public class DryingRecords {
    private static final Set<FieldStatus> TAKES_IN = Set.of(FieldStatus.HARVESTED, FieldStatus.DRYING);

    private final DryingSiteLedger sites;
    private final FieldLedger fields;
    private final MovementStore movements;
    private final SiteOccupancy occupancy;
    private final Clock clock;

    public DryingRecords(DryingSiteLedger sites, FieldLedger fields, MovementStore movements, SiteOccupancy occupancy, Clock clock) {
        this.sites = sites;
        this.fields = fields;
        this.movements = movements;
        this.occupancy = occupancy;
        this.clock = clock;
    }

    /**
     * Refused when the field has no harvested grain (or less than that not yet taken in), or the site is retired,
     * closed by rain or has too little room.
     */
    @Transactional
    public MovementReceipt intake(String siteCode, MovementRequest request) {
        DryingSite site = lockedSite(siteCode);
        Field field = lockedField(request.fieldCode());
        if (!TAKES_IN.contains(field.status())) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "field '" + field.code() + "' is " + field.status()
                    + ": only harvested grain (a HARVESTED or DRYING field) is taken in at drying sites");
        }
        if (site.retiredAt() != null) {
            throw new ProblemException(ProblemType.RETIRED, "drying site '" + site.code() + "' was retired at " + site.retiredAt());
        }
        BigDecimal notTakenIn = movements.notTakenIn(field.code());
        if (notTakenIn != null && request.tonnes().compareTo(notTakenIn) > 0) {
            throw ProblemException.invalid("tonnes", "is " + request.tonnes() + " t, but only " + notTakenIn.max(BigDecimal.ZERO)
                    + " t of field '" + field.code() + "' harvested grain is not yet at a drying site");
        }
        DryingSiteStatus before = occupancy.of(site);
        if (before.state() == SiteState.CLOSED_BY_RAIN) {
            throw new ProblemException(ProblemType.DRYING_SITE_CLOSED, "drying site '" + site.code()
                    + "' is an open-air site and its community's forecast is wet or drying out now; send the grain to a dryer or an indoor site");
        }
        if (request.tonnes().compareTo(before.roomLeftTodayTonnes()) > 0) {
            throw new ProblemException(ProblemType.DRYING_SITE_FULL, "drying site '" + site.code() + "' has "
                    + before.roomLeftTodayTonnes() + " t of room left today (capacity today " + before.capacityTodayTonnes()
                    + " t, taken in " + before.intakeTodayTonnes() + " t), not " + request.tonnes() + " t");
        }
        if (field.status() == FieldStatus.HARVESTED) {
            fields.workMoved(field, FieldStatus.DRYING);
        }
        return record(site, field, MovementKind.INTAKE, request.tonnes());
    }

    /**
     * Refused when the site holds less of the field's grain; the field is STORED once all its harvested grain has
     * been taken in and none is left at any site.
     */
    @Transactional
    public MovementReceipt outflow(String siteCode, MovementRequest request) {
        DryingSite site = lockedSite(siteCode);
        Field field = lockedField(request.fieldCode());
        BigDecimal held = movements.held(site.code(), field.code());
        if (request.tonnes().compareTo(held) > 0) {
            throw new ProblemException(ProblemType.NOT_AT_SITE, "drying site '" + site.code() + "' holds " + held
                    + " t of field '" + field.code() + "', not " + request.tonnes() + " t");
        }
        MovementReceipt receipt = record(site, field, MovementKind.OUTFLOW, request.tonnes());
        BigDecimal notTakenIn = movements.notTakenIn(field.code());
        if (movements.held(field.code()).signum() == 0 && (notTakenIn == null || notTakenIn.signum() <= 0)) {
            fields.workMoved(field, FieldStatus.STORED);
        }
        return receipt;
    }

    /** A site's movements on a day, today when none is named. */
    public List<DryingMovement> movements(String siteCode, @Nullable LocalDate day) {
        DryingSite site = sites.getByCode(siteCode);
        return movements.onDay(site.code(), day == null ? occupancy.today() : day);
    }

    private MovementReceipt record(DryingSite site, Field field, MovementKind kind, BigDecimal tonnes) {
        DryingMovement movement = movements.insert(site.code(), field.code(), kind, tonnes, clock.instant(), Actor.current());
        return new MovementReceipt(movement, occupancy.of(site));
    }

    private DryingSite lockedSite(String code) {
        if (!movements.lockSite(code)) {
            throw ProblemException.notFound("drying site '" + code + "'");
        }
        return sites.getByCode(code);
    }

    private Field lockedField(String code) {
        if (!movements.lockField(code)) {
            throw ProblemException.invalid("fieldCode", "no field has the code '" + code + "'");
        }
        return fields.getByCode(code);
    }
}
