package harvest.dispatch.report;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The daily dispatch (日调度) numbers: the district, then each community. */
@Serdeable
@Schema(name = "DailyReport")
public record DailyReport(
        LocalDate date,
        @Schema(description = "The end of the day, or now for today") OffsetDateTime asOf,
        DispatchTotals district,
        List<DispatchTotals> communities) {
}
