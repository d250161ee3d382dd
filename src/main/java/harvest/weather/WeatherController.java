package harvest.weather;

import harvest.system.Roles;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemResponses;
import harvest.system.web.Created;
import harvest.system.web.PageResponse;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.List;
import java.util.Map;

@Secured(Roles.VIEWER)
@SecurityRequirement(name = "bearer")
@Controller("/api/v1/weather")
@Tag(name = "weather")
@ProblemResponses
class WeatherController {
    private static final String FROM = "Start: a date (the district's midnight) or an ISO-8601 time with offset";
    private static final String TO = "End, exclusive: a date (meaning the end of that day) or an ISO-8601 time with offset";

    private final ForecastService forecasts;
    private final ForecastStore store;
    private final Windows windows;
    private final WindowChangeStore changes;

    public WeatherController(ForecastService forecasts, ForecastStore store, Windows windows, WindowChangeStore changes) {
        this.forecasts = forecasts;
        this.store = store;
        this.windows = windows;
        this.changes = changes;
    }

    @Secured(Roles.DISPATCHER)
    @Post("/forecasts")
    @Status(HttpStatus.CREATED)
    @Created
    @Operation(operationId = "pushForecast", summary = "Store a forecast issue (forecast.json format); every bad entry is reported and nothing is stored")
    public HttpResponse<ForecastReceipt> push(@Body ForecastUpload body) {
        ForecastReceipt receipt = forecasts.receive(body, ForecastSummary.Channel.PUSH);
        return HttpResponse.created(receipt, URI.create("/api/v1/weather/forecasts/" + receipt.forecast().id()));
    }

    @Get("/forecasts")
    @Operation(operationId = "listForecasts", summary = "Stored forecast issues, newest first")
    public PageResponse<ForecastSummary> list(@QueryValue(defaultValue = "0") @Min(0) int page,
                                              @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        return PageResponse.of(store.summaries(page, size), page, size, store.count());
    }

    @Get("/forecasts/{id}")
    @Operation(operationId = "getForecast", summary = "One stored forecast issue")
    public ForecastSummary get(@PathVariable long id) {
        return store.summary(id).orElseThrow(() -> ProblemException.notFound("forecast " + id));
    }

    @Get("/hourly")
    @Operation(operationId = "getHourlyForecast", summary = "A community's hourly forecast, the latest issue winning for each hour")
    public List<HourlyForecast> hourly(@QueryValue String community,
                                     @Parameter(description = FROM) @QueryValue String from,
                                     @Parameter(description = TO) @QueryValue String to) {
        HourRange range = HourRange.parse(from, to);
        return store.latest(List.of(known(community)), range.from(), range.to()).stream().map(HourlyForecast::of).toList();
    }

    @Get("/windows")
    @Operation(operationId = "listWindows", summary = "Rain-free windows per community, with the reason for every gap")
    public List<CommunityWindows> windows(@Parameter(description = "One community; all active ones when absent") @Nullable @QueryValue String community,
                                          @Parameter(description = FROM) @QueryValue String from,
                                          @Parameter(description = TO) @QueryValue String to) {
        HourRange range = HourRange.parse(from, to);
        List<String> communities = community == null ? windows.activeCommunities() : List.of(known(community));
        return windows.timelines(communities, range.from(), range.to()).entrySet().stream()
                .map(e -> CommunityWindows.of(e.getKey(), e.getValue()))
                .toList();
    }

    @Get("/workable-hours")
    @Operation(operationId = "getWorkableHours", summary = "District summary: workable hours per community per day")
    public WorkableHours workableHours(@Parameter(description = FROM) @QueryValue String from,
                                       @Parameter(description = TO) @QueryValue String to) {
        HourRange range = HourRange.parse(from, to);
        Map<String, List<Segment>> timelines = windows.timelines(windows.activeCommunities(), range.from(), range.to());
        return WorkableHours.of(range, timelines);
    }

    @Get("/window-changes")
    @Operation(operationId = "listWindowChanges", summary = "What new forecasts did to the windows, newest first")
    public PageResponse<WindowChangeEvent> windowChanges(@Nullable @QueryValue String community,
                                                               @QueryValue(defaultValue = "0") @Min(0) int page,
                                                               @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        return PageResponse.of(changes.list(community, page, size), page, size, changes.count(community));
    }

    @Get("/window-changes/{id}")
    @Operation(operationId = "getWindowChange", summary = "One windows-changed event")
    public WindowChangeEvent windowChange(@PathVariable long id) {
        return changes.find(id).orElseThrow(() -> ProblemException.notFound("window change " + id));
    }

    private String known(String community) {
        if (!windows.activeCommunities().contains(community)) {
            throw ProblemException.invalid("community", "no active community has code '" + community + "'");
        }
        return community;
    }
}
