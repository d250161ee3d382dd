package harvest.dispatch.report;

import harvest.system.era.InServiceEra;
import harvest.system.web.CachedRead;
import harvest.ledger.sheet.CsvSheets;
import harvest.ledger.sheet.SheetFormat;
import harvest.ledger.sheet.SheetDownload;
import harvest.ledger.sheet.XlsxSheets;
import harvest.system.Roles;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemResponses;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

@Secured(Roles.VIEWER)
@SecurityRequirement(name = "bearer")
@Controller("/api/v1/reports/daily/{date}")
@Tag(name = "dispatch")
@ProblemResponses
class DailyReportController {
    private static final List<String> TOTALS_HEADERS = List.of("community_code", "name", "total_mu", "harvested_today_mu",
            "harvested_to_date_mu", "percent_complete", "ripe_remaining_mu", "fields_at_risk", "machines_working", "machines_idle",
            "machines_broken", "machines_borrowed", "drying_intake_t", "drying_capacity_t", "tonnes_waiting", "team_tasks_done",
            "expected_loss_kg");
    private static final List<String> FIELD_HEADERS = List.of("field_code", "community_code", "status", "area_mu",
            "harvested_today_mu", "harvested_to_date_mu", "ripe_remaining_mu", "at_risk", "tonnes_harvested", "tonnes_taken_in",
            "tonnes_waiting", "team_tasks_done", "expected_loss_kg");

    private final DailyReports reports;

    public DailyReportController(DailyReports reports) {
        this.reports = reports;
    }

    @CachedRead(asOfNow = true)
    @Get
    @Operation(operationId = "getDailyReport", summary = "The daily dispatch report: the district, then each community (a past day as at midnight, today as now)")
    public DailyReport report(@PathVariable @InServiceEra LocalDate date) {
        return reports.report(date);
    }

    @CachedRead(asOfNow = true)
    @Get("/fields")
    @Operation(operationId = "getDailyReportFields", summary = "The report's field lines, which the community lines add up")
    public List<FieldLine> fields(@PathVariable @InServiceEra LocalDate date) {
        return reports.fields(date);
    }

    @Get(value = "/export", produces = {SheetFormat.CSV_TYPE, SheetFormat.XLSX_TYPE})
    @Operation(operationId = "exportDailyReport", summary = "The report as CSV or XLSX: the district and community lines, or the field lines")
    @SheetDownload
    public HttpResponse<byte[]> export(@PathVariable @InServiceEra LocalDate date,
                                       @Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"})) @QueryValue(defaultValue = "csv") String format,
                                       @Parameter(schema = @Schema(allowableValues = {"communities", "fields"})) @QueryValue(defaultValue = "communities") String level) {
        SheetFormat sheetFormat = SheetFormat.ofParameter(format);
        boolean byField = switch (level) {
            case "communities" -> false;
            case "fields" -> true;
            default -> throw ProblemException.invalid("level", "is communities or fields, not '" + level + "'");
        };
        List<String> headers = byField ? FIELD_HEADERS : TOTALS_HEADERS;
        List<List<String>> rows = byField ? reports.fields(date).stream().map(DailyReportController::row).toList() : totals(reports.report(date));
        String name = "daily-report-" + date + (byField ? "-fields" : "");
        byte[] bytes = sheetFormat == SheetFormat.XLSX ? XlsxSheets.write(name, headers, rows) : CsvSheets.write(headers, rows);
        return HttpResponse.ok(bytes).contentType(sheetFormat.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + sheetFormat.extension() + "\"");
    }

    private static List<List<String>> totals(DailyReport report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(row(report.district()));
        report.communities().forEach(c -> rows.add(row(c)));
        return rows;
    }

    private static List<String> row(DispatchTotals t) {
        return cells(t.communityCode(), t.name(), t.totalMu(), t.harvestedTodayMu(), t.harvestedToDateMu(), t.percentComplete(),
                t.ripeRemainingMu(), t.fieldsAtRisk(), t.machinesWorking(), t.machinesIdle(), t.machinesBroken(), t.machinesBorrowed(),
                t.dryingIntakeTonnes(), t.dryingCapacityTonnes(), t.tonnesWaiting(), t.teamTasksDone(), t.expectedLossKg());
    }

    private static List<String> row(FieldLine f) {
        return cells(f.fieldCode(), f.communityCode(), f.status(), f.areaMu(), f.harvestedTodayMu(), f.harvestedToDateMu(),
                f.ripeRemainingMu(), f.atRisk(), f.tonnesHarvested(), f.tonnesTakenIn(), f.tonnesWaiting(), f.teamTasksDone(),
                f.expectedLossKg());
    }

    private static List<String> cells(Object... values) {
        return Stream.of(values).map(v -> v == null ? "" : v.toString()).toList();
    }
}
