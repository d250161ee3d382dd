package harvest.drying;

import harvest.system.era.InServiceEra;
import harvest.security.Access;
import harvest.system.Roles;
import harvest.system.problem.ProblemResponses;
import harvest.system.web.Created;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** Grain in and out of drying sites, and the sites' live state, for the bureau's staff and the site contacts. */
@Secured(Roles.VIEWER)
@SecurityRequirement(name = "bearer")
@Controller("/api/v1/drying-sites")
@Tag(name = "drying-sites")
@ProblemResponses
class DryingMovementController {
    private final DryingRecords records;
    private final SiteOccupancy occupancy;
    private final Access access;

    public DryingMovementController(DryingRecords records, SiteOccupancy occupancy, Access access) {
        this.records = records;
        this.occupancy = occupancy;
        this.access = access;
    }

    @Secured({Roles.DISPATCHER, Roles.SITE_CONTACT})
    @Post("/{code}/intake")
    @Status(HttpStatus.CREATED)
    @Created
    @Operation(operationId = "recordDryingIntake", summary = "Take in a harvested field's grain; the first intake makes the field DRYING."
            + " Refused (409) when the site is retired, closed by rain or has less room left today")
    public HttpResponse<MovementReceipt> intake(@PathVariable String code, @Body @Valid MovementRequest body) {
        access.requireDryingSite(code);
        return recorded(records.intake(code, body));
    }

    @Secured({Roles.DISPATCHER, Roles.SITE_CONTACT})
    @Post("/{code}/outflow")
    @Status(HttpStatus.CREATED)
    @Created
    @Operation(operationId = "recordDryingOutflow", summary = "Send a field's dried grain on; at most what the site holds of it."
            + " When none of the field's grain is left at any site the field becomes STORED")
    public HttpResponse<MovementReceipt> outflow(@PathVariable String code, @Body @Valid MovementRequest body) {
        access.requireDryingSite(code);
        return recorded(records.outflow(code, body));
    }

    @Get("/status")
    @Operation(operationId = "listDryingSiteStatus", summary = "Every active site's live state: capacity, intake and room left today, grain held, OPEN/FULL/CLOSED_BY_RAIN")
    public List<DryingSiteStatus> status() {
        return occupancy.active();
    }

    @Secured({Roles.VIEWER, Roles.SITE_CONTACT})
    @Get("/{code}/movements")
    @Operation(operationId = "listDryingMovements", summary = "A site's intake and outflow on a day, in the order they happened")
    public List<DryingMovement> movements(@PathVariable String code,
                                          @Parameter(description = "The district-local date; today when absent") @Nullable @InServiceEra @QueryValue LocalDate day) {
        access.requireDryingSite(code);
        return records.movements(code, day);
    }

    /** A movement has no URL of its own: Location names the site's day it is listed in. */
    private static HttpResponse<MovementReceipt> recorded(MovementReceipt receipt) {
        DryingMovement movement = receipt.movement();
        return HttpResponse.created(receipt, URI.create("/api/v1/drying-sites/" + movement.siteCode() + "/movements?day=" + movement.day()));
    }
}
