package harvest.planning;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import harvest.aid.AidOffer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One job as the app navigates by: the assignment's own properties (unwrapped, so a list of these reads as a list of
 * assignments to a client that knows only those), the day it starts in district time, and the places and people
 * the operator's itinerary text names, each with where it is.
 *
 * @param day        The day the job starts, in district time (Asia/Shanghai)
 * @param dryingSite Where the grain goes; absent when the plan sends it to no site
 * @param aidStation The aid station nearest the field; absent when the district has none
 * @param navigation The field as a geo: URI (RFC 5870) for the phone's map app, e.g. geo:34.0512,113.8523
 */
@Serdeable
@Schema(name = "NavigableJob")
public record NavigableJob(@JsonUnwrapped Assignment assignment, LocalDate day, JobField field, JobFarmer farmer,
                           @Nullable JobDryingSite dryingSite, @Nullable JobAidStation aidStation, String navigation) {

    /**
     * The field a job harvests.
     *
     * @param areaMu The whole field's area; the job's own part is the job's areaMu
     */
    @Serdeable
    @Schema(name = "JobField")
    public record JobField(String code, String name, double lat, double lon, BigDecimal areaMu) {
    }

    /**
     * The household whose field it is.
     *
     * @param phone E.164; absent when the ledger has none
     */
    @Serdeable
    @Schema(name = "JobFarmer")
    public record JobFarmer(String code, String name, @Nullable String phone) {
    }

    /**
     * The drying site a job's grain is taken to (a job that sends it to no site has none).
     *
     * @param contactPhone E.164; to staff only: no text gives it to operators, farmers or team leaders, and the
     *                     public board withholds it
     */
    @Serdeable
    @Schema(name = "JobDryingSite")
    public record JobDryingSite(String code, String name, double lat, double lon, @Nullable String contactName,
                                @Nullable String contactPhone) {
    }

    /** The aid station (爱心助农点) nearest a job's field, handing out meals, water or heat relief to operators and farmers. */
    @Serdeable
    @Schema(name = "JobAidStation")
    public record JobAidStation(String code, String name, double lat, double lon, List<AidOffer> offers) {
    }
}
